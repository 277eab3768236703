namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Why a frame's knee angle was rejected as <see cref="MeasureStatus.Implausible"/>: each rule describes something a
/// real leg in a squat, lunge or landing cannot do, so the pose model must have misplaced a joint
/// (<see cref="AnalysisSettings"/> holds the bounds and their sources).
/// </summary>
public enum ImplausibleReason
{
    None,

    /// <summary>|FPPA| beyond <see cref="AnalysisSettings.MaxPlausibleFppaDeg"/>.</summary>
    AngleBeyondBound,

    /// <summary>The ankle is above the knee in the image: in a standing exercise the shank points down.</summary>
    ShankPointsUp,

    /// <summary>The thigh or shank looks longer than <see cref="AnalysisSettings.MaxLimbStretch"/> times its standing length.</summary>
    LimbTooLong,

    /// <summary>The hip, knee or ankle moved faster than <see cref="AnalysisSettings.MaxJointSpeedLegsPerSecond"/> since the previous frame.</summary>
    JointTooFast,
}

public static class ImplausibleReasons
{
    /// <summary>The CSV and report name: empty for <see cref="ImplausibleReason.None"/>.</summary>
    public static string ToName(this ImplausibleReason reason) => reason switch
    {
        ImplausibleReason.AngleBeyondBound => "angle_beyond_bound",
        ImplausibleReason.ShankPointsUp => "shank_points_up",
        ImplausibleReason.LimbTooLong => "limb_too_long",
        ImplausibleReason.JointTooFast => "joint_too_fast",
        _ => string.Empty,
    };

    /// <summary>Plain words for a report line ("the knee angle was beyond 45°").</summary>
    public static string Describe(this ImplausibleReason reason, AnalysisSettings settings) => reason switch
    {
        ImplausibleReason.AngleBeyondBound => FormattableString.Invariant($"the knee angle was beyond ±{settings.MaxPlausibleFppaDeg:0}°, which no knee makes"),
        ImplausibleReason.ShankPointsUp => "the ankle was found above the knee",
        ImplausibleReason.LimbTooLong => FormattableString.Invariant($"a leg segment looked over {settings.MaxLimbStretch:0.#}× its standing length"),
        ImplausibleReason.JointTooFast => "a joint jumped between frames faster than a body moves",
        _ => string.Empty,
    };
}
