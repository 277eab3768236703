using System.Collections.Immutable;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Recording;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// What the report builder needs besides the analysis: the input, how its frames were read, and the session's
/// options. analyze, batch, live and reanalyze fill the same record, so their reports have the same sections.
/// </summary>
public sealed record ReportContext
{
    /// <summary>The input's path or name; reports show its file name only, never the folders.</summary>
    public required string Input { get; init; }

    public required SessionOptions Session { get; init; }

    /// <summary>Every analysed frame's pose, in order (frames.csv and the report's frame rates come from them).</summary>
    public required IReadOnlyList<PoseFrame> Poses { get; init; }

    public SourceKind Kind { get; init; } = SourceKind.VideoFile;

    public int Width { get; init; }

    public int Height { get; init; }

    public int RotationDegrees { get; init; }

    /// <summary>False when only part of the input could be analysed (a truncated file, a lost camera).</summary>
    public bool Complete { get; init; } = true;

    /// <summary>Why <see cref="Complete"/> is false, when that is known.</summary>
    public string? IncompleteReason { get; init; }

    /// <summary>Problems met while reading the input (truncation, repaired timestamps) and by the session.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Where the poses came from when not from <see cref="SessionOptions.Model"/> (reanalyze: a frames CSV).</summary>
    public string? PoseSource { get; init; }

    /// <summary>How the frame times were obtained, as the report's "frame times" setting.</summary>
    public string FrameTimes { get; init; } = "container timestamps";

    /// <summary>Settings only this kind of session has (live mode, the recorded video's encoder, the drill), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraSettings { get; init; } = [];

    /// <summary>How the overlay video was encoded, when one was written.</summary>
    public string? VideoEncoder { get; init; }

    /// <summary>When the input was recorded and how that is known; null = unknown (report.json's <c>recordedAt</c> null).</summary>
    public RecordingTime? Recorded { get; init; }

    public ImmutableDictionary<int, byte[]> RepBottomImages { get; init; } = ImmutableDictionary<int, byte[]>.Empty;

    /// <summary>The context of a file or camera read through <see cref="IFrameSource"/>.</summary>
    public static ReportContext ForSource(
        string input, SourceInfo source, SessionOptions session, IReadOnlyList<PoseFrame> poses, IReadOnlyList<string> warnings, bool incomplete) =>
        new()
        {
            Input = input,
            Session = session,
            Poses = poses,
            Kind = source.Kind,
            Width = source.Width,
            Height = source.Height,
            RotationDegrees = source.RotationDegrees,
            Warnings = warnings,
            Complete = !incomplete,
            IncompleteReason = incomplete ? warnings.FirstOrDefault(w => w.Contains("truncated", StringComparison.Ordinal)) : null,
            FrameTimes = source.Kind == SourceKind.Image ? "still image" : "container timestamps",
        };
}
