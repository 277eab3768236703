using System.Globalization;
using CsvHelper;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// eval.csv: one row per clip (rep "all", its totals) and one per true rep, every number unrounded in invariant
/// culture, empty when unknown. The model and lever columns let runs with different levers be stacked in one sheet.
/// For a rep row the three summary columns of one value are |error|, error and |error|.
/// </summary>
public static class EvaluationCsv
{
    public static void Write(EvaluationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        // Every number is formatted here in invariant culture; CsvHelper quotes and escapes.
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, true);
        foreach (string name in Header())
        {
            csv.WriteField(name);
        }

        csv.EndRecord();
        foreach (var clip in result.Clips)
        {
            Row(csv, result, clip, "all", clip.Stance.ToName(), clip.ViewWarning, clip.MaxOffAxisDeg, null, null, null, null,
                clip.FppaAtBottoms, clip.FppaDeep, null, clip.HipShiftAtBottoms, null, clip.OurReps, clip.RepCountCorrect, clip.Joints);
            csv.EndRecord();
            foreach (var rep in clip.Reps)
            {
                Row(csv, result, clip, rep.TruthRep.ToString(CultureInfo.InvariantCulture), rep.OurSide?.ToName() ?? string.Empty,
                    rep.ViewWarning, rep.MaxOffAxisDeg, rep.BottomFrame, rep.TruthBottomFrame, rep.TruthFppaAtBottomDeg, rep.FppaAtBottomDeg,
                    rep.FppaAtBottom, rep.FppaDeep, rep.DeepFramesWithoutFppa, rep.HipShiftAtBottom, rep.HipShiftDeep, null, rep.Found,
                    rep.Joints);
                csv.EndRecord();
            }
        }

        csv.Flush();
    }

    private static IEnumerable<string> Header()
    {
        string[] fixedColumns =
        [
            "clip", "model", "levers", "rep", "truth_stance", "our_side", "view_warning", "max_off_axis_deg",
            "bottom_frame", "truth_bottom_frame", "truth_fppa_bottom_deg", "fppa_bottom_deg",
            "fppa_bottom_n", "fppa_bottom_mae_deg", "fppa_bottom_bias_deg", "fppa_bottom_max_deg",
            "fppa_deep_n", "fppa_deep_mae_deg", "fppa_deep_bias_deg", "fppa_deep_max_deg", "fppa_deep_missing",
            "hip_shift_bottom_mae_pp", "hip_shift_bottom_bias_pp", "hip_shift_deep_mae_pp", "hip_shift_deep_bias_pp",
            "truth_reps", "our_reps", "reps_correct",
        ];
        foreach (string column in fixedColumns)
        {
            yield return column;
        }

        foreach (var joint in JointAccuracy.Measured)
        {
            yield return joint.Name + "_mean_px";
            yield return joint.Name + "_median_px";
            yield return joint.Name + "_p95_px";
        }
    }

    private static void Row(
        CsvWriter csv, EvaluationResult result, ClipAccuracy clip, string rep, string ourSide, bool viewWarning, double? maxOffAxis,
        int? bottomFrame, int? truthBottomFrame, double? truthFppa, double? fppa, ErrorSummary bottom, ErrorSummary deep, int? deepMissing,
        ErrorSummary hipBottom, ErrorSummary? hipDeep, int? ourReps, bool correct, IEnumerable<JointAccuracy> joints)
    {
        csv.WriteField(clip.Clip);
        csv.WriteField(result.ModelName);
        csv.WriteField(result.Levers.Label);
        csv.WriteField(rep);
        csv.WriteField(clip.Stance.ToName());
        csv.WriteField(ourSide);
        csv.WriteField(viewWarning ? "yes" : "no");
        Number(csv, maxOffAxis);
        Number(csv, bottomFrame);
        Number(csv, truthBottomFrame);
        Number(csv, truthFppa);
        Number(csv, fppa);
        Summary(csv, bottom);
        Summary(csv, deep);
        Number(csv, deepMissing);
        Number(csv, hipBottom.MeanAbs);
        Number(csv, hipBottom.Bias);
        Number(csv, hipDeep?.MeanAbs);
        Number(csv, hipDeep?.Bias);
        csv.WriteField(clip.TruthReps.ToString(CultureInfo.InvariantCulture));
        Number(csv, ourReps);
        csv.WriteField(correct ? "yes" : "no");
        foreach (var joint in joints)
        {
            Number(csv, joint.Pixels.Mean);
            Number(csv, joint.Pixels.Median);
            Number(csv, joint.Pixels.P95);
        }
    }

    private static void Summary(CsvWriter csv, ErrorSummary summary)
    {
        csv.WriteField(summary.Count.ToString(CultureInfo.InvariantCulture));
        Number(csv, summary.MeanAbs);
        Number(csv, summary.Bias);
        Number(csv, summary.MaxAbs);
    }

    private static void Number(CsvWriter csv, double? value) =>
        csv.WriteField(value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty);

    private static void Number(CsvWriter csv, int? value) =>
        csv.WriteField(value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty);
}
