using ValgusVision.Domain.Analysis;
using ValgusVision.Live.Drill;
using ValgusVision.Live.Protocol;

namespace ValgusVision.Live.Session;

/// <summary>How a live session went: why it ended, what it measured about itself, and what it wrote.</summary>
/// <param name="LostReason">When the camera was lost or the recording failed: why, in plain words.</param>
/// <param name="FramesCaptured">Frames the capture thread published.</param>
/// <param name="FramesDropped">Captured frames skipped because a newer one arrived before processing was free.</param>
/// <param name="Written">Files the recording wrote (empty without <c>--record</c>).</param>
public sealed record LiveResult(
    LiveEndReason EndReason,
    string? LostReason,
    int FramesCaptured,
    int FramesProcessed,
    int FramesDropped,
    LatencyStats Latency,
    SessionAnalysis? Analysis,
    DrillResult? Drill,
    IReadOnlyList<SetSummary> Sets,
    IReadOnlyList<string> Written);
