using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// One frame's biomechanics (docs/metrics.md). Every number is null when undefined (a landmark below the visibility gate,
/// no stance leg, no standing reference) — never NaN. "Stance" metrics refer to <see cref="Stance"/>.
/// </summary>
/// <param name="LeftFppaDeg">Left knee frontal-plane projection angle, valgus positive.</param>
/// <param name="RightFppaDeg">Right knee FPPA, valgus positive.</param>
/// <param name="LeftKneeFrontal3dDeg">Experimental: left knee angle in the body's frontal plane from world landmarks.</param>
/// <param name="RightKneeFrontal3dDeg">Experimental: right knee angle in the body's frontal plane from world landmarks.</param>
/// <param name="Stance">Stance leg of this frame (the rep's, the user's override, or detected from the ankles).</param>
/// <param name="HipShiftPct">Stance hip's lateral offset from the stance ankle, % of leg length, lateral positive.</param>
/// <param name="HipShiftChangePct">Hip shift minus its value at the rep's start (null outside reps).</param>
/// <param name="HipShiftCm">Hip shift in centimetres (only with the person's height).</param>
/// <param name="KneeValgusShiftPct">Stance knee's medial distance from the hip–ankle line, % of leg length.</param>
/// <param name="PelvicDropDeg">Hip line against the horizontal, positive when the free (non-stance) side is lower.</param>
/// <param name="KneeOverFootPct">Stance knee's horizontal offset from the foot's centre line, % of shank length, medial positive.</param>
/// <param name="TrunkLeanDeg">Mid-hip→mid-shoulder line against the vertical, positive towards the stance side.</param>
/// <param name="TrunkFlexionDeg">Forward trunk bend (0 = upright) from world landmarks, or from the trunk's image foreshortening when a frame has none; for hinge reps.</param>
/// <param name="DepthPct">Mid-hip drop below its standing height, % of leg length.</param>
/// <param name="KneeAnkleSeparationRatio">Horizontal knee-to-knee distance over ankle-to-ankle distance.</param>
/// <param name="RepIndex">Zero-based index of the rep this frame belongs to; null between reps.</param>
/// <param name="InEvent">The frame lies inside a valgus event.</param>
public sealed record FrameMetrics(
    int FrameIndex,
    double TimeSeconds,
    bool HasPose,
    double? LeftFppaDeg,
    double? RightFppaDeg,
    double? LeftKneeFrontal3dDeg,
    double? RightKneeFrontal3dDeg,
    Side? Stance,
    double? HipShiftPct,
    double? HipShiftChangePct,
    double? HipShiftCm,
    double? KneeValgusShiftPct,
    double? PelvicDropDeg,
    double? KneeOverFootPct,
    double? TrunkLeanDeg,
    double? TrunkFlexionDeg,
    double? DepthPct,
    double? KneeAnkleSeparationRatio,
    int? RepIndex,
    bool InEvent,
    FrameQuality Quality)
{
    /// <summary>
    /// Experimental (issue 13): the stance ankle's refined centre's horizontal offset from the middle of its foot's
    /// silhouette base (<see cref="Pose.FootBase"/>), % of that base's width, medial positive; null unless the
    /// refinement centred the ankle and the base was read. A foot rolling in moves it medially; per rep the change from
    /// standing is <see cref="Rep.FootCollapsePct"/>.
    /// </summary>
    public double? AnkleOverFootBasePct { get; init; }

    public double? FppaDeg(Side side) => side == Side.Left ? LeftFppaDeg : RightFppaDeg;

    public double? KneeFrontal3dDeg(Side side) => side == Side.Left ? LeftKneeFrontal3dDeg : RightKneeFrontal3dDeg;

    /// <summary>FPPA of the stance knee, when a stance leg is known.</summary>
    public double? StanceFppaDeg => Stance is { } s ? FppaDeg(s) : null;
}
