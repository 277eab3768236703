using System.Globalization;
using System.Text.Json;

namespace ValgusVision.App;

/// <summary>
/// A small JSON file written after all of an input's outputs: its presence (with the formats it lists, every listed
/// file still there and the same <see cref="ResumeKey"/>) is what lets a rerun of <c>valgus batch</c> skip the input
/// (<see cref="ResumeDecision"/>). Written last and atomically, so an interrupted input never looks complete.
/// </summary>
public static class CompletionMarker
{
    /// <summary>Records the input as finished, with its summary rows (so a resumed batch can list it without re-reading).</summary>
    public static void Write(
        OutputPaths paths, string input, OutputFormats formats, IReadOnlyList<string> files, IReadOnlyList<SummaryRow> summary, ResumeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var content = new Marker(
            Path.GetFullPath(input),
            formats.ToText(),
            [.. files.Select(f => Path.GetFileName(f))],
            DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            [.. summary],
            new Dictionary<string, string>(key.Pose, StringComparer.Ordinal),
            new Dictionary<string, string>(key.Analysis, StringComparer.Ordinal));
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

    /// <summary>
    /// What an earlier run recorded: the formats it wrote and the key it ran with (null when that run predates the key);
    /// null when there is no marker or it cannot be read.
    /// </summary>
    public static (OutputFormats Formats, ResumeKey? Key)? Read(OutputPaths paths)
    {
        if (!File.Exists(paths.CompletionMarker))
        {
            return null;
        }

        try
        {
            var marker = JsonSerializer.Deserialize<Marker>(File.ReadAllText(paths.CompletionMarker));
            if (marker is null)
            {
                return null;
            }

            var key = marker.Pose is { } pose && marker.Analysis is { } analysis ? new ResumeKey(pose, analysis) : null;
            return (OutputFormatNames.Parse(marker.Formats ?? ""), key);
        }
        catch (Exception e) when (e is JsonException or IOException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>True when a marker exists, covers every format asked for now, and all files it lists exist (whatever its key).</summary>
    public static bool IsComplete(OutputPaths paths, OutputFormats formats) =>
        Read(paths) is { } done && (done.Formats & formats) == formats && paths.For(formats).All(File.Exists);

    /// <summary>Pose and Analysis: the <see cref="ResumeKey"/> the outputs were made with (absent in markers of older versions).</summary>
    private sealed record Marker(
        string Input, string Formats, string[] Files, string FinishedUtc, SummaryRow[] Summary,
        Dictionary<string, string>? Pose = null, Dictionary<string, string>? Analysis = null);
}
