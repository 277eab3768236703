using System.Globalization;
using System.Text.Json;

namespace ValgusVision.App;

/// <summary>
/// A small JSON file written after all of an input's outputs: its presence (with the formats it lists and every
/// listed file still there) is what lets a rerun of <c>valgus batch</c> skip the input. Written last and atomically,
/// so an interrupted input never looks complete.
/// </summary>
public static class CompletionMarker
{
    /// <summary>Records the input as finished, with its summary rows (so a resumed batch can list it without re-reading).</summary>
    public static void Write(OutputPaths paths, string input, OutputFormats formats, IReadOnlyList<string> files, IReadOnlyList<SummaryRow> summary)
    {
        var content = new Marker(
            Path.GetFullPath(input),
            formats.ToText(),
            [.. files.Select(f => Path.GetFileName(f))],
            DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            [.. summary]);
        AtomicOutput.WriteText(paths.CompletionMarker, w => w.Write(JsonSerializer.Serialize(content)));
    }

    /// <summary>The summary rows stored by <see cref="Write"/>; empty when the marker is missing or unreadable.</summary>
    public static IReadOnlyList<SummaryRow> ReadSummary(OutputPaths paths)
    {
        try
        {
            return JsonSerializer.Deserialize<Marker>(File.ReadAllText(paths.CompletionMarker))?.Summary ?? [];
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return [];
        }
    }

    /// <summary>True when a marker exists, covers every format asked for now, and all files it lists exist.</summary>
    public static bool IsComplete(OutputPaths paths, OutputFormats formats)
    {
        if (!File.Exists(paths.CompletionMarker))
        {
            return false;
        }

        try
        {
            var marker = JsonSerializer.Deserialize<Marker>(File.ReadAllText(paths.CompletionMarker));
            var done = OutputFormatNames.Parse(marker?.Formats ?? "");
            if ((done & formats) != formats)
            {
                return false;
            }
        }
        catch (Exception e) when (e is JsonException or IOException or ArgumentException or NotSupportedException)
        {
            return false;
        }

        return paths.For(formats).All(File.Exists);
    }

    private sealed record Marker(string Input, string Formats, string[] Files, string FinishedUtc, SummaryRow[] Summary);
}
