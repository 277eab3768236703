using System.Collections.Immutable;
using ValgusVision.Domain.Pose;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>What the report writers need besides the analysis: the input, how it was read, and the run's options.</summary>
/// <param name="SourceWarnings">Problems met while reading the input (truncation, repaired timestamps).</param>
/// <param name="VideoEncoder">How the overlay video was encoded, when one was written.</param>
public sealed record ReportContext(
    string Input,
    SourceInfo Source,
    AnalyzeOptions Options,
    bool Incomplete,
    IReadOnlyList<string> SourceWarnings,
    IReadOnlyList<PoseFrame> Poses,
    string? VideoEncoder,
    ImmutableDictionary<int, byte[]> RepBottomImages);
