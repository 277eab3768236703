using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>One leg's reps over a session (for a drop jump every landing counts for both legs).</summary>
/// <param name="RepCount">Reps on this leg.</param>
/// <param name="FppaAtBottom">FPPA at the bottom (peak flexion for drop jumps): mean ± SD and worst.</param>
/// <param name="PeakHipShift">Peak hip shift per rep, % of leg length.</param>
/// <param name="EventCount">Valgus events on this knee.</param>
/// <param name="RepsWithEvents">Reps of this leg with at least one event.</param>
public sealed record SideSummary(
    Side Side,
    int RepCount,
    MetricStats FppaAtBottom,
    MetricStats PeakFppa,
    MetricStats PeakHipShift,
    MetricStats KneeValgusShift,
    int EventCount,
    int RepsWithEvents);
