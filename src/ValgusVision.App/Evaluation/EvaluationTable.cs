using System.Collections.Immutable;
using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// The evaluation as tables of text cells, one place for their columns and number formats: eval.md and the console
/// show the same cells. Degrees and percentage points with one decimal; errors are ours − truth.
/// </summary>
public static class EvaluationTable
{
    public static ImmutableArray<string> Header { get; } =
    [
        "clip", "rep", "stance (ours)", "view (max yaw)", "FPPA truth → ours", "bottom |err|", "bottom bias", "bottom max",
        "deep MAE", "deep bias", "deep max", "hip shift bias (pp)", "reps ours/truth",
    ];

    public static ImmutableArray<string> JointHeader { get; } =
    ["clip", .. JointAccuracy.Measured.Select(j => j.Name.Replace('_', ' ') + " (px)")];

    /// <summary>Per clip: its totals (rep "all"), then one row per true rep.</summary>
    public static IEnumerable<ImmutableArray<string>> Rows(ClipAccuracy clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        yield return
        [
            clip.Clip, "all", clip.Stance.ToName(), View(clip.ViewWarning, clip.MaxOffAxisDeg), string.Empty,
            Deg(clip.FppaAtBottoms.MeanAbs), Deg(clip.FppaAtBottoms.Bias), Deg(clip.FppaAtBottoms.MaxAbs),
            Deg(clip.FppaDeep.MeanAbs), Deg(clip.FppaDeep.Bias), Deg(clip.FppaDeep.MaxAbs),
            Deg(clip.HipShiftAtBottoms.Bias),
            Inv($"{clip.OurReps}/{clip.TruthReps}{(clip.RepCountCorrect ? string.Empty : " ✗")}"),
        ];
        foreach (var rep in clip.Reps)
        {
            yield return rep.Found
                ?
                [
                    string.Empty, Inv($"{rep.TruthRep}"), Stance(rep.OurSide, clip.Stance), View(rep.ViewWarning, rep.MaxOffAxisDeg),
                    Inv($"{rep.TruthFppaAtBottomDeg:0.0} → {Deg(rep.FppaAtBottomDeg)}"),
                    Deg(rep.FppaAtBottom.MeanAbs), Deg(rep.FppaAtBottom.Bias), Deg(rep.FppaAtBottom.MaxAbs),
                    Deg(rep.FppaDeep.MeanAbs), Deg(rep.FppaDeep.Bias), Deg(rep.FppaDeep.MaxAbs),
                    Deg(rep.HipShiftAtBottom.Bias), string.Empty,
                ]
                :
                [
                    string.Empty, Inv($"{rep.TruthRep}"), "not found", string.Empty, Inv($"{rep.TruthFppaAtBottomDeg:0.0} → —"),
                    "—", "—", "—", "—", "—", "—", "—", string.Empty,
                ];
        }
    }

    /// <summary>Per clip, every joint's pixel error over all frames with a pose, "mean / median / p95".</summary>
    public static ImmutableArray<string> JointRow(ClipAccuracy clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return [clip.Clip, .. clip.Joints.Select(j => Inv($"{Num(j.Pixels.Mean)} / {Num(j.Pixels.Median)} / {Num(j.Pixels.P95)}"))];
    }

    /// <summary>"±0.8° MAE, bias −0.8°, max 1.2° over 9 reps" for the frontal clips.</summary>
    public static string FrontalSummary(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.FrontalFppaAtBottoms;
        int clips = result.Frontal.Count();
        return s.Count == 0
            ? "no rep bottoms measured on clips without a view warning"
            : Inv($"FPPA at the rep bottoms of the {clips} clip{(clips == 1 ? string.Empty : "s")} without a view warning: mean absolute error {Deg(s.MeanAbs)}°, bias {Deg(s.Bias)}°, largest {Deg(s.MaxAbs)}° over {s.Count} reps; clips with reps miscounted: {result.ClipsWithRepsMiscounted} of {result.Clips.Length}");
    }

    public static string Deg(double? value) => value is { } v ? (Math.Abs(v) < 0.05 ? "0.0" : v.ToString("0.0", CultureInfo.InvariantCulture)) : "—";

    private static string Num(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    private static string View(bool warned, double? yaw) =>
        (warned ? "warned" : "frontal") + (yaw is { } y ? Inv($" ({y:0}°)") : string.Empty);

    private static string Stance(Side? ours, Side truth) =>
        ours is { } s ? s.ToName() + (s == truth ? string.Empty : " ✗") : "none ✗";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
