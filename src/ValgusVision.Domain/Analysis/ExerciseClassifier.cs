using System.Globalization;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Picks the exercise from the motion for <see cref="Exercise.Auto"/>. The weight-bearing lunge test is the one
/// filmed from the side, in a split stance, with the front shank leaning forward (<see cref="LungeCue"/>); every
/// other exercise is filmed from the front. A drop jump shows landings with both feet; hip-depth reps with both feet
/// staying on the floor are a double-leg squat or, one foot ahead, a forward lunge (<see cref="FeetPlacement"/>);
/// the single-leg exercises are told apart by which signal moves most relative to what one of its reps needs:
/// hip depth (squat), trunk flexion (hinge) or pelvis tilt (hip hitch). When the strongest is not clearly ahead of
/// the next (1.3×) or none reaches one rep's worth, it says it cannot decide rather than guess.
/// </summary>
public static class ExerciseClassifier
{
    /// <summary>How far the winning signal must lead the runner-up.</summary>
    public const double ClearLead = 1.3;

    /// <param name="singleLegFraction">Share of frames with posed ankles where one foot is clearly off the floor.</param>
    /// <param name="landings">Drop-jump landings found in the recording.</param>
    /// <param name="lunge">The side-view lunge cue of the recording; null when not measured (then never the lunge test).</param>
    /// <param name="depthRepFeet">The feet in each hip-depth rep (<see cref="FeetPlacement.ForRep"/>); null when not measured.</param>
    public static ExerciseDecision Classify(
        IReadOnlyList<FrameMetrics> frames,
        double singleLegFraction,
        int landings,
        AnalysisSettings settings,
        LungeCue? lunge = null,
        IReadOnlyList<RepFeet>? depthRepFeet = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(settings);
        if (lunge is not null && lunge.Fits(settings.Ankle))
        {
            return new ExerciseDecision(Exercise.AnkleLunge, $"filmed from the side with one foot ahead of the other and the front shank leaning forward ({lunge.Describe()})");
        }

        if (landings > 0 && singleLegFraction < 0.2)
        {
            return new ExerciseDecision(Exercise.DropJump, Format($"both feet left the floor and landed {landings} time(s)"));
        }

        // Before the single-leg ranking: a squat or lunge on both feet must never be read as a single-leg squat.
        if (depthRepFeet is not null && FeetPlacement.BothFeet(depthRepFeet) is ({ } both, var feet))
        {
            return new ExerciseDecision(both, $"the hips went down and up with both feet on the floor ({feet})");
        }

        var depth = new List<double>();
        var flexion = new List<double>();
        var pelvis = new List<double>();
        foreach (var frame in frames)
        {
            Add(depth, frame.DepthPct);
            Add(flexion, frame.TrunkFlexionDeg);
            Add(pelvis, frame.PelvicDropDeg);
        }

        double squat = Range(depth) / settings.RepMinDepthPct;
        double hinge = Range(flexion) / settings.HingeMinPeakDeg;
        double hitch = Range(pelvis) / settings.HitchMinPeakDeg;
        string scores = Format($"hip depth range {Range(depth):0.#}% of leg, trunk flexion range {Range(flexion):0}°, pelvis tilt range {Range(pelvis):0.#}°");
        var ranked = new[] { (Exercise.SingleLegSquat, squat), (Exercise.Hinge, hinge), (Exercise.HipHitch, hitch) };
        Array.Sort(ranked, (a, b) => b.Item2.CompareTo(a.Item2));
        var (best, bestScore) = ranked[0];
        double second = ranked[1].Item2;
        if (bestScore < 1)
        {
            return new ExerciseDecision(null, $"no movement large enough for one rep of any exercise ({scores})");
        }

        if (bestScore < ClearLead * second)
        {
            return new ExerciseDecision(null, $"the motion fits a {best.ToTitle()} and a {ranked[1].Item1.ToTitle()} about equally ({scores})");
        }

        return new ExerciseDecision(best, $"the motion is mostly {Reason(best)} ({scores})");
    }

    private static string Reason(Exercise exercise) => exercise switch
    {
        Exercise.SingleLegSquat => "the hips going down and up",
        Exercise.Hinge => "the trunk bending forward and back",
        _ => "the pelvis tilting",
    };

    private static void Add(List<double> values, double? value)
    {
        if (value is { } v)
        {
            values.Add(v);
        }
    }

    /// <summary>5th to 95th percentile: the range of the motion without the odd wild frame.</summary>
    private static double Range(List<double> values)
    {
        var copy = new List<double>(values);
        return Percentile.Of(copy, 0.95) is { } hi && Percentile.Of(copy, 0.05) is { } lo ? hi - lo : 0;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
