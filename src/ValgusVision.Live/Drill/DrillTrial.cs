using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Drill;

/// <summary>
/// One finished trial: where the person held, believing the knee straight over the foot, and how far off that was.
/// </summary>
/// <param name="Number">1-based trial number on this leg.</param>
/// <param name="HoldStartSeconds">When the hold was detected.</param>
/// <param name="HoldDepthPct">Mean depth during the hold.</param>
/// <param name="FppaDeg">Mean FPPA of the stance knee during the hidden hold (valgus positive).</param>
public sealed record DrillTrial(Side Side, int Number, double HoldStartSeconds, double HoldDepthPct, double FppaDeg)
{
    /// <summary>The position-sense error: the knee should have been straight (0°), so any angle is the error.</summary>
    public double AbsoluteErrorDeg => Math.Abs(FppaDeg);
}
