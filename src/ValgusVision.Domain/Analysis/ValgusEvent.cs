using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// A stretch of time in which one knee's FPPA stayed at or above the threshold for at least the minimum duration
/// (docs/metrics.md). Start and end times are where FPPA crossed the threshold (on the way in) and the threshold minus
/// the hysteresis (on the way out), linearly interpolated between frames.
/// </summary>
/// <param name="StartFrame">First frame at or above the threshold.</param>
/// <param name="EndFrame">Last frame before FPPA fell below the exit level (or went undefined).</param>
/// <param name="RepIndex">The rep the event's peak falls in, if any.</param>
public sealed record ValgusEvent(
    Side Side,
    double StartTimeSeconds,
    double EndTimeSeconds,
    int StartFrame,
    int EndFrame,
    double PeakFppaDeg,
    double PeakTimeSeconds,
    int? RepIndex)
{
    public double DurationSeconds => EndTimeSeconds - StartTimeSeconds;
}
