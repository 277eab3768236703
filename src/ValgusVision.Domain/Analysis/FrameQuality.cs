using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// How far one frame's numbers can be trusted (docs/metrics.md, "Quality and trust").
/// </summary>
/// <param name="LeftLegVisibility">Lowest visibility of the left hip, knee and ankle (0 without a pose).</param>
/// <param name="RightLegVisibility">Lowest visibility of the right hip, knee and ankle.</param>
/// <param name="BodyYawDeg">
/// Rotation of the body about the vertical, from the world hip and shoulder lines: 0 = facing the camera,
/// ±180 = back to it, positive = the person's left side turned away from the camera. Null when undefined.
/// </param>
/// <param name="ViewWarning">The body is turned more than the view limit away from a frontal (or back) view.</param>
/// <param name="FrameRateHz">Instantaneous frame rate from the neighbouring timestamps; null for a lone frame.</param>
/// <param name="LegSwapSuspected">The pose engine suspects it swapped left and right on this frame.</param>
/// <param name="LeftFppaStatus">Why the left FPPA is (not) reported.</param>
/// <param name="RightFppaStatus">Why the right FPPA is (not) reported.</param>
/// <param name="Refinement">
/// What the joint-centre refinement did: <see cref="JointRefinement.Flagged"/> when it was asked for but kept the
/// model's knee or ankle somewhere because a guard failed (another limb touching, implausible width, no mask).
/// </param>
public readonly record struct FrameQuality(
    float LeftLegVisibility,
    float RightLegVisibility,
    double? BodyYawDeg,
    bool ViewWarning,
    double? FrameRateHz,
    bool LegSwapSuspected,
    LimbForeshortening Foreshortening,
    MeasureStatus LeftFppaStatus,
    MeasureStatus RightFppaStatus,
    JointRefinement Refinement = default)
{
    public float LegVisibility(Side side) => side == Side.Left ? LeftLegVisibility : RightLegVisibility;

    public MeasureStatus FppaStatus(Side side) => side == Side.Left ? LeftFppaStatus : RightFppaStatus;

    /// <summary>Which plausibility rule rejected the left FPPA (<see cref="ImplausibleReason.None"/> unless <see cref="LeftFppaStatus"/> is implausible).</summary>
    public ImplausibleReason LeftImplausible { get; init; }

    /// <summary>Which plausibility rule rejected the right FPPA.</summary>
    public ImplausibleReason RightImplausible { get; init; }

    public ImplausibleReason Implausible(Side side) => side == Side.Left ? LeftImplausible : RightImplausible;

    /// <summary>What the hip-point estimator (<c>--hip-centre</c>) did on this frame; default when none was asked for.</summary>
    public HipPlacement Hips { get; init; }
}
