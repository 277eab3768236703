using SkiaSharp;

namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// Shaped text kept for reuse. SkiaSharp's string-drawing calls build a text blob on every call; the overlay
/// draws the same few labels on every frame, so it shapes each (font, text) pair once.
/// </summary>
internal sealed class TextBlobCache : IDisposable
{
    private readonly Dictionary<(SKFont Font, string Text), CachedText> _entries = [];

    public CachedText Get(SKFont font, string text)
    {
        if (_entries.TryGetValue((font, text), out var cached))
        {
            return cached;
        }

        var blob = SKTextBlob.Create(text, font)
            ?? throw new InvalidOperationException($"overlay: could not shape the label '{text}'");
        cached = new CachedText(blob, font.MeasureText(text));
        _entries[(font, text)] = cached;
        return cached;
    }

    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Blob.Dispose();
        }

        _entries.Clear();
    }
}

internal readonly record struct CachedText(SKTextBlob Blob, float Width);
