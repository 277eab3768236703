using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// One frame of the lunge test, for charts and overlays: which leg is in front and its shank's angle (levelled by
/// the floor line), and whether its heel is up. Null where undefined.
/// </summary>
/// <param name="AttemptIndex">Index into <see cref="AnkleLungeResult.AllAttempts"/>; null between attempts.</param>
public readonly record struct AnkleFrame(
    double TimeSeconds,
    Side? FrontSide,
    double? InclinationDeg,
    double? HeelRisePct,
    double? AnkleRisePct,
    bool HeelLifted,
    int? AttemptIndex);
