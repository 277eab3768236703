using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// What the lunge test reads of the session's settings: its own thresholds and the three session-wide values it
/// shares with the other exercises. Its own record so that the Ankle namespace does not depend on Analysis (which
/// holds the session settings and calls the lunge test); <c>AnalysisSettings.Lunge</c> fills it.
/// </summary>
/// <param name="Ankle">The lunge test's thresholds.</param>
/// <param name="VisibilityGate">Landmark visibility below which a point is not used.</param>
/// <param name="SignalSmoothingSeconds">Width of the centred mean that smooths the attempt signal.</param>
/// <param name="StanceOverride">The front leg when the user named it; null: found per attempt.</param>
public sealed record LungeAnalysisSettings(
    AnkleLungeSettings Ankle,
    double VisibilityGate,
    double SignalSmoothingSeconds,
    Side? StanceOverride);
