using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// One knee-to-wall attempt of the front leg: its tibial inclination at the frame of greatest forward knee travel
/// with the heel down, or — when the heel came up — no angle at all (an attempt with heel lift is not a range).
/// </summary>
/// <param name="Number">1-based, counted per side.</param>
/// <param name="StartFrame">Position (index into the session's frames) where the shank began to lean forward.</param>
/// <param name="PeakFrame">Position of the greatest forward knee travel with the heel down (or of the greatest lean when the heel lifted).</param>
/// <param name="EndFrame">Position where the shank was back near its standing lean.</param>
/// <param name="InclinationDeg">Tibial inclination at <paramref name="PeakFrame"/>; null with heel lift or when it could not be measured.</param>
/// <param name="HeelLift">The heel came up during the attempt.</param>
/// <param name="MaxHeelRisePct">Largest rise of the heel landmark above its standing height, % of foot length.</param>
/// <param name="MaxAnkleRisePct">Largest rise of the ankle centre above its standing height, % of foot length.</param>
/// <param name="Problem">Why no angle, in plain words (heel lift, heel not visible); null when measured.</param>
/// <param name="MeasuredOn">The line <paramref name="InclinationDeg"/> was measured on; null when there is no angle.</param>
public sealed record LungeAttempt(
    Side Side,
    int Number,
    int StartFrame,
    int PeakFrame,
    int EndFrame,
    double StartTimeSeconds,
    double PeakTimeSeconds,
    double EndTimeSeconds,
    double? InclinationDeg,
    bool HeelLift,
    double? MaxHeelRisePct,
    double? MaxAnkleRisePct,
    string? Problem,
    ShankLine? MeasuredOn = null)
{
    /// <summary>An attempt that counts: measured, heel down.</summary>
    public bool IsValid => InclinationDeg is not null && !HeelLift;
}
