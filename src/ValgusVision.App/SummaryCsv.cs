using System.Globalization;
using System.Text;
using ValgusVision.Domain.Pose;

namespace ValgusVision.App;

/// <summary>
/// summary.csv of a batch: RFC 4180 (comma, double-quoted where needed), invariant culture, one header line, angles
/// in degrees and hip shift in percent of leg length with two decimals, empty cells for undefined values.
/// </summary>
public static class SummaryCsv
{
    public static readonly string[] Columns =
    [
        "input", "status", "exercise", "side", "reps", "fppa_bottom_mean_deg", "fppa_bottom_sd_deg", "fppa_bottom_worst_deg",
        "events", "peak_hip_shift_mean_pct", "peak_hip_shift_worst_pct", "quality", "frames", "error",
        "ankle_best_deg", "ankle_attempts", "ankle_heel_lifts", "ankle_verdict", "ankle_difference_deg",
        "reps_not_measured", "not_measured_reason", "people_seen",
    ];

    public static void Write(TextWriter writer, IEnumerable<SummaryRow> rows)
    {
        writer.Write(string.Join(',', Columns));
        writer.Write('\n');
        foreach (var r in rows)
        {
            var cells = new[]
            {
                r.Input, r.Status, r.Exercise ?? "", r.Side ?? "", Int(r.Reps), Num(r.FppaAtBottomMeanDeg), Num(r.FppaAtBottomSdDeg),
                Num(r.FppaAtBottomWorstDeg), r.NotMeasuredReason is null ? Int(r.Events) : "", Num(r.PeakHipShiftMeanPct), Num(r.PeakHipShiftWorstPct), r.Quality,
                Int(r.Frames), r.Error, Num(r.AnkleBestDeg), r.AnkleVerdict is null ? "" : Int(r.AnkleAttempts),
                r.AnkleVerdict is null ? "" : Int(r.AnkleHeelLifts), r.AnkleVerdict ?? "", Num(r.AnkleDifferenceDeg),
                Int(r.RepsNotMeasured), r.NotMeasuredReason ?? "", r.PeopleSeen is { } people ? Int(people) : "",
            };
            writer.Write(string.Join(',', cells.Select(Quote)));
            writer.Write('\n');
        }
    }

    public static string Quote(string cell)
    {
        if (cell.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return cell;
        }

        var sb = new StringBuilder(cell.Length + 2).Append('"');
        sb.Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
        return sb.Append('"').ToString();
    }

    private static string Num(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
