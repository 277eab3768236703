using SkiaSharp;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// Turns a frame (typically a rep's bottom frame, already painted with its overlay) into compressed bytes for the
/// reports. Called a few times per video, not per frame, so it may allocate.
/// </summary>
public static unsafe class FrameSnapshot
{
    /// <summary>
    /// JPEG of the frame, scaled down so its long side is at most <paramref name="maxLongSide"/> (reports show
    /// these at about 9 cm wide; 960 px is sharp on paper and keeps the HTML small).
    /// </summary>
    public static byte[] EncodeJpeg(ReadOnlySpan<byte> pixels, int width, int height, int strideBytes, PixelFormat format, int maxLongSide = 960, int quality = 85)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"snapshot: frame size {width}×{height} must be positive");
        }

        using var full = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        PixelCopy.Into(pixels, strideBytes, format, (byte*)full.GetPixels(), full.RowBytes, width, height);
        var scale = Math.Min(1.0, maxLongSide / (double)Math.Max(width, height));
        if (scale >= 1.0)
        {
            return Encode(full, quality);
        }

        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)), SKColorType.Bgra8888, SKAlphaType.Opaque);
        using var small = full.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException($"snapshot: could not scale a {width}×{height} frame to {info.Width}×{info.Height}");
        return Encode(small, quality);
    }

    private static byte[] Encode(SKBitmap bitmap, int quality)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality)
            ?? throw new InvalidOperationException("snapshot: JPEG encoding failed");
        return data.ToArray();
    }
}
