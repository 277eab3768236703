using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;
namespace ValgusVision.Domain.Analysis;

/// <summary>
/// A both-feet rep's knees (<see cref="Exercise.DoubleLegSquat"/>, <see cref="Exercise.ForwardLunge"/>): how the feet
/// stood and, for the squat, both knees' FPPA at the bottom and their difference. A lunge's rear knee is not
/// reported: its shank lies nearly flat at the bottom, so its 2D angle means nothing; the front knee's FPPA is the
/// rep's <see cref="Rep.FppaAtBottomDeg"/> and <see cref="LeadLeg"/> says which leg that is.
/// </summary>
/// <param name="Feet">Side by side, split, or unknown.</param>
/// <param name="LeadLeg">The front leg of a lunge; null for a squat or when it could not be told.</param>
/// <param name="LeftFppaAtBottomDeg">Left knee FPPA at the rep's bottom (squat only).</param>
/// <param name="RightFppaAtBottomDeg">Right knee FPPA at the rep's bottom (squat only).</param>
/// <param name="LeftPeakFppaDeg">Highest left knee FPPA in the rep (squat only).</param>
/// <param name="RightPeakFppaDeg">Highest right knee FPPA in the rep (squat only).</param>
/// <param name="FeetApartPct">Horizontal distance between the ankles at the bottom, % of leg length.</param>
/// <param name="FeetNote">Why the stance or the lead leg could not be told; null when it could.</param>
public sealed record BothKneesMeasures(
    FeetStance Feet,
    Side? LeadLeg,
    double? LeftFppaAtBottomDeg,
    double? RightFppaAtBottomDeg,
    double? LeftPeakFppaDeg,
    double? RightPeakFppaDeg,
    double? FeetApartPct,
    string? FeetNote)
{
    /// <summary>Right minus left FPPA at the bottom (the sign convention of <see cref="Asymmetry"/>); null unless both were measured.</summary>
    public double? DifferenceDeg => RightFppaAtBottomDeg - LeftFppaAtBottomDeg;

    public double? FppaAtBottomDeg(Side side) => side == Side.Left ? LeftFppaAtBottomDeg : RightFppaAtBottomDeg;

    public double? PeakFppaDeg(Side side) => side == Side.Left ? LeftPeakFppaDeg : RightPeakFppaDeg;

    /// <summary>Reads a rep's measures off the session's final per-frame metrics.</summary>
    public static BothKneesMeasures Read(Exercise exercise, IReadOnlyList<FrameMetrics> metrics, RepWindow window, RepFeet feet)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(feet);
        if (exercise != Exercise.DoubleLegSquat)
        {
            return new BothKneesMeasures(feet.Stance, feet.Lead, null, null, null, null, feet.AtBottom?.AnkleGapXPct, feet.Note);
        }

        double? leftPeak = null, rightPeak = null;
        for (int i = window.Start; i <= window.End; i++)
        {
            leftPeak = Max(leftPeak, metrics[i].LeftFppaDeg);
            rightPeak = Max(rightPeak, metrics[i].RightFppaDeg);
        }

        var bottom = metrics[window.Bottom];
        return new BothKneesMeasures(feet.Stance, null, bottom.LeftFppaDeg, bottom.RightFppaDeg, leftPeak, rightPeak, feet.AtBottom?.AnkleGapXPct, feet.Note);
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
