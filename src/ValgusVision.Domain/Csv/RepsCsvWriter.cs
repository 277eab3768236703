using System.Globalization;
using ValgusVision.Domain.Analysis;

namespace ValgusVision.Domain.Csv;

/// <summary>Writes one row per rep (docs/frames-csv.md, "Reps CSV"): every per-rep field, quality and verdict.</summary>
public static class RepsCsvWriter
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "rep", "exercise", "side", "start_s", "bottom_s", "end_s", "start_frame", "bottom_frame", "end_frame",
        "depth_pct", "fppa_at_bottom_deg", "peak_fppa_deg", "knee_valgus_shift_pct", "peak_hip_shift_pct",
        "peak_hip_shift_change_pct", "peak_hip_shift_cm", "peak_pelvic_drop_deg", "peak_knee_over_foot_pct",
        "trunk_lean_at_bottom_deg", "peak_trunk_flexion_deg", "thigh_ratio_at_bottom", "events",
        "pelvic_drop_range_deg", "top_hold_s", "initial_contact_s", "left_fppa_at_contact_deg",
        "right_fppa_at_contact_deg", "left_fppa_at_peak_flexion_deg", "right_fppa_at_peak_flexion_deg",
        "separation_ratio_at_contact", "separation_ratio_at_peak_flexion", "trusted", "quality_issues", "verdict",
    ];

    public static void Write(TextWriter writer, IReadOnlyList<Rep> reps)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reps);
        writer.Write(string.Join(',', Header));
        writer.Write('\n');
        foreach (var r in reps)
        {
            var cells = new List<string>
            {
                (r.Index + 1).ToString(CultureInfo.InvariantCulture),
                r.Exercise.ToName(),
                r.Side?.ToName() ?? string.Empty,
                N(r.StartTimeSeconds), N(r.BottomTimeSeconds), N(r.EndTimeSeconds),
                I(r.StartFrame), I(r.BottomFrame), I(r.EndFrame),
                N(r.DepthPct), N(r.FppaAtBottomDeg), N(r.PeakFppaDeg), N(r.KneeValgusShiftPct), N(r.PeakHipShiftPct),
                N(r.PeakHipShiftChangePct), N(r.PeakHipShiftCm), N(r.PeakPelvicDropDeg), N(r.PeakKneeOverFootPct),
                N(r.TrunkLeanAtBottomDeg), N(r.PeakTrunkFlexionDeg), N(r.ThighRatioAtBottom), I(r.Events.Length),
                N(r.HipHitch?.PelvicDropRangeDeg), N(r.HipHitch?.TopHoldSeconds), N(r.Landing?.InitialContactTimeSeconds),
                N(r.Landing?.LeftFppaAtContactDeg), N(r.Landing?.RightFppaAtContactDeg), N(r.Landing?.LeftFppaAtPeakFlexionDeg),
                N(r.Landing?.RightFppaAtPeakFlexionDeg), N(r.Landing?.SeparationRatioAtContact), N(r.Landing?.SeparationRatioAtPeakFlexion),
                r.Quality.IsTrusted ? "1" : "0",
                Quote(string.Join("; ", r.Quality.Issues)),
                Quote(r.Verdict),
            };
            writer.Write(string.Join(',', cells));
            writer.Write('\n');
        }
    }

    private static string N(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting: verdicts contain commas and dashes.</summary>
    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
