using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Compare;

/// <summary>One leg's numbers from one recording, as its report's summary states them (docs/report-json.md).</summary>
/// <param name="Side">The leg.</param>
/// <param name="RepCount">Reps with this leg standing; 0 = the leg was not tested in this recording.</param>
/// <param name="FppaAtBottom">Knee angle (FPPA) at each rep's bottom, degrees, valgus positive.</param>
/// <param name="PeakHipShift">Largest lateral hip shift per rep, % of leg length.</param>
/// <param name="EventCount">Valgus events on this knee.</param>
/// <param name="RepsWithEvents">Reps in which at least one valgus event peaked.</param>
public sealed record LegMeasures(Side Side, int RepCount, MetricStats FppaAtBottom, MetricStats PeakHipShift, int EventCount, int RepsWithEvents)
{
    public bool Tested => RepCount > 0;
}
