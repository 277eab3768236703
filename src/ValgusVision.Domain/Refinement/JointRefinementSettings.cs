using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Refinement;

/// <summary>
/// The guards of the joint-centre refinement, each with where it comes from. Widths are fractions of the longer
/// leg's image length (hip → knee → ankle), the body's own ruler on every frame.
/// </summary>
public sealed record JointRefinementSettings
{
    public static JointRefinementSettings Default { get; } = new();

    /// <summary>
    /// Narrowest plausible knee silhouette. Knee breadth across the condyles with soft tissue is about 11–13 % of
    /// leg length in adults (Winter's segment proportions; bi-epicondylar femur breadth ≈ 0.055 H vs leg 0.49 H);
    /// 0.07 leaves room for thin people and a slightly rotated knee, and rejects a mask that lost half the limb.
    /// </summary>
    public double KneeWidthMin { get; init; } = 0.07;

    /// <summary>
    /// Widest plausible knee silhouette: 0.22 admits snug trousers and a deep squat's foreshortened leg ruler (the
    /// ruler shrinks to ≈ 0.8 at depth); wider runs are loose trousers, a skirt or two legs.
    /// </summary>
    public double KneeWidthMax { get; init; } = 0.22;

    /// <summary>Narrowest plausible ankle (bimalleolar breadth ≈ 0.039 H ≈ 8 % of leg length, Winter); 0.04 rejects a broken mask.</summary>
    public double AnkleWidthMin { get; init; } = 0.04;

    /// <summary>Widest plausible ankle: 0.15 admits a shoe's collar and a foreshortened ruler; wider is a trouser hem or both feet.</summary>
    public double AnkleWidthMax { get; init; } = 0.15;

    /// <summary>
    /// The model's point may sit at most this fraction of the run's width off its middle. Pose models miss the
    /// joint centre by a few percent of leg length — well inside the limb; a point near one edge means the run is
    /// not the limb the model meant (a second limb, a shadow).
    /// </summary>
    public double MaxOffCentreFraction { get; init; } = 0.25;

    /// <summary>Half the width of another leg around its bone line (half a knee: ≈ 0.06 of leg length).</summary>
    public double OtherLegHalfWidth { get; init; } = 0.06;

    /// <summary>Half the width of an arm around its bone line (forearm ≈ 0.03 of leg length).</summary>
    public double ArmHalfWidth { get; init; } = 0.03;

    /// <summary>
    /// Another limb whose silhouette comes this close to the scan line (fraction of leg length, ≈ 2–3 mask cells
    /// for a person filling the frame) counts as touching: the mask cannot separate limbs closer than its own blur.
    /// </summary>
    public double ContactGap { get; init; } = 0.02;

    /// <summary>
    /// Spacing of the neighbouring scan lines along the limb (fraction of leg length, ≈ 2 cm): close enough that a
    /// real knee or ankle keeps its width, far enough to see a hem or a shoe's collar as a jump.
    /// </summary>
    public double LineSpacing { get; init; } = 0.04;

    /// <summary>The widest of the scan lines may be at most this many times the narrowest (a limb tapers by a few percent over 5 cm).</summary>
    public double MaxWidthChange { get; init; } = 1.3;

    /// <summary>
    /// Thigh and shank must point down within this angle of the image vertical. A frontal single-leg squat keeps both
    /// within about 25°; beyond 45° the person is sitting, lying or kicking, and a line across the shank meets the foot.
    /// </summary>
    public double MaxLimbTiltDeg { get; init; } = 45;

    /// <summary>
    /// The knee's bend in the image (angle between thigh and shank directions) above which the knee is left alone: a
    /// frontal view shows at most the FPPA (≤ 30° in the worst valgus); more means a sagittal bend is seen, whose inside
    /// the thigh's and shank's outlines fill in, so the silhouette's middle moves towards it (samples/README.md).
    /// </summary>
    public double MaxKneeBendDeg { get; init; } = 35;

    /// <summary>
    /// The two knees of one person may differ in width by at most this factor: left and right are
    /// mirror images, so a larger difference means one run caught a hem, a hand or the other leg.
    /// </summary>
    public double MaxSideToSideWidthRatio { get; init; } = 1.35;

    /// <summary>
    /// A knee must be at least this many times as wide as its own ankle (condyles ≈ 1.4–1.6 × malleoli with soft
    /// tissue); a narrower knee than that means a trouser leg, a boot or a broken mask at one of them.
    /// </summary>
    public double MinKneeToAnkleWidthRatio { get; init; } = 1.1;

    /// <summary>
    /// Half-width of every guard's blend around its threshold, as a fraction of the threshold (<see cref="GuardBlend"/>):
    /// within threshold·(1 ± margin) the point moves part of the way, ½ at the threshold. 0 = hard guards, as before
    /// 2026-12-04. 0.1 (docs/accuracy.md "Joint-centre refinement") is a few pixels of width on a 300 px leg, a pixel
    /// of contact distance, 4° of tilt: wider than the hair by which a clip and its mirror disagree.
    /// </summary>
    public double GuardMargin { get; init; } = 0.1;

    /// <summary>Scan step in mask cells: half a cell samples every cell twice; the edge is then refined by bisection.</summary>
    public double StepCells { get; init; } = 0.5;

    /// <summary>How the shanks' silhouette axes are read (the side-view lunge test's measure), on the same mask.</summary>
    public ShankAxisSettings ShankAxis { get; init; } = ShankAxisSettings.Default;
}
