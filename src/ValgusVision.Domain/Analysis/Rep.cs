using System.Collections.Immutable;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// One repetition with every per-rep field of docs/metrics.md ("What a rep reports"). Times are video seconds. For a drop
/// jump, <see cref="Side"/> is null (both legs), the bottom is peak flexion and <see cref="Landing"/> holds both knees.
/// </summary>
/// <param name="Index">Zero-based, in time order.</param>
/// <param name="Side">Stance leg (detected per rep or the user's override); null for both-feet exercises or when unknown.</param>
/// <param name="DepthPct">Deepest mid-hip drop of the rep, % of leg length.</param>
/// <param name="FppaAtBottomDeg">Stance knee FPPA at the bottom frame (deepest squat / most flexed trunk / hitch top).</param>
/// <param name="PeakFppaDeg">Highest stance knee FPPA in the rep.</param>
/// <param name="KneeValgusShiftPct">Stance knee's medial offset from the hip–ankle line when depth first passed the fixed depth.</param>
/// <param name="PeakHipShiftPct">Largest lateral hip shift, % of leg length.</param>
/// <param name="PeakHipShiftChangePct">Largest change of hip shift from the rep's start.</param>
/// <param name="PeakHipShiftCm">Largest hip shift in centimetres (only with the person's height).</param>
/// <param name="PeakPelvicDropDeg">Largest pelvic drop (free side lowest).</param>
/// <param name="PeakKneeOverFootPct">Largest medial knee-over-foot offset, % of shank length.</param>
/// <param name="TrunkLeanAtBottomDeg">Trunk lateral lean at the bottom frame.</param>
/// <param name="PeakTrunkFlexionDeg">Largest forward trunk bend (from world landmarks).</param>
/// <param name="ThighRatioAtBottom">How long the stance thigh looked at the bottom, as a fraction of standing.</param>
/// <param name="Events">Valgus events whose peak falls in this rep.</param>
/// <param name="Verdict">One or two sentences a client understands.</param>
public sealed record Rep(
    int Index,
    Exercise Exercise,
    Side? Side,
    double StartTimeSeconds,
    double BottomTimeSeconds,
    double EndTimeSeconds,
    int StartFrame,
    int BottomFrame,
    int EndFrame,
    double? DepthPct,
    double? FppaAtBottomDeg,
    double? PeakFppaDeg,
    double? KneeValgusShiftPct,
    double? PeakHipShiftPct,
    double? PeakHipShiftChangePct,
    double? PeakHipShiftCm,
    double? PeakPelvicDropDeg,
    double? PeakKneeOverFootPct,
    double? TrunkLeanAtBottomDeg,
    double? PeakTrunkFlexionDeg,
    double? ThighRatioAtBottom,
    ImmutableArray<ValgusEvent> Events,
    RepQuality Quality,
    HipHitchMeasures? HipHitch,
    DropLandingMeasures? Landing,
    string Verdict)
{
    /// <summary>
    /// Experimental foot-collapse proxy (issue 13): the change of <see cref="FrameMetrics.AnkleOverFootBasePct"/> from
    /// standing to the rep's deepest frames (those within 10 % of its depth), % of the foot base's width, + = the ankle
    /// moved medially over the foot (the foot rolled in). Null when the ankle was not centred on those frames or on
    /// standing ones. On rendered feet rolled in 0°/5°/10° (valgus 5°) its reps read 0.7–1.2 / 4.0–5.5 / 4.4–6.6 %
    /// (true 0 / 3.6 / 7.2 %), but flat feet in other clips read up to 4.5 % (knee valgus and the side moved it):
    /// a within-person change, written to the CSV and JSON for research, not shown in the client reports
    /// (docs/accuracy.md).
    /// </summary>
    public double? FootCollapsePct { get; init; }

    /// <summary>
    /// Why this rep's knee angle at the bottom was not measured (the measured leg out of the picture, hidden or
    /// implausible at the bottom frame); null when it was. Such a rep's events say nothing about its bottom.
    /// </summary>
    public NotMeasuredReason? NotMeasured { get; init; }

    /// <summary>Double-leg squat and forward lunge: the feet, the lead leg and (squat) both knees; null for other exercises.</summary>
    public BothKneesMeasures? BothKnees { get; init; }

    public double DurationSeconds => EndTimeSeconds - StartTimeSeconds;

    /// <summary>The user's limit was crossed: an event in this rep.</summary>
    public bool HasValgusEvent => !Events.IsDefaultOrEmpty;
}
