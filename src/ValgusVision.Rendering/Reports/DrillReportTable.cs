using System.Globalization;

namespace ValgusVision.Rendering.Reports;

/// <summary>The drill report's two tables (per-leg error, trials), cell by cell: one text for the HTML and the PDF.</summary>
internal static class DrillReportTable
{
    public static readonly string[] LegHeader = ["Leg", "Trials", "Mean error", "Mean FPPA", "Trend per trial"];

    public static readonly string[] TrialHeader = ["Leg", "Trial", "Hold at", "Depth", "FPPA", "Error"];

    /// <summary>Which columns hold numbers (right-aligned).</summary>
    public static readonly bool[] LegNumeric = [false, true, true, true, true];

    public static readonly bool[] TrialNumeric = [false, true, true, true, true, true];

    public static string[] LegCells(DrillReportLeg leg) =>
    [
        leg.Leg,
        leg.Trials.Count.ToString(CultureInfo.InvariantCulture),
        Degrees(leg.MeanAbsoluteErrorDeg, "0.0"),
        Degrees(leg.MeanSignedFppaDeg, "+0.0;-0.0;0.0"),
        leg.TrendDegPerTrial is { } t ? t.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "°" : "— (< 2 trials)",
    ];

    public static IEnumerable<string[]> TrialRows(DrillReport report) =>
        report.Legs.SelectMany(leg => leg.Trials.Select(t => new[]
        {
            leg.Leg,
            t.Number.ToString(CultureInfo.InvariantCulture),
            t.HoldStartSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
            t.HoldDepthPct.ToString("0", CultureInfo.InvariantCulture) + " %",
            t.FppaDeg.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "°",
            t.AbsoluteErrorDeg.ToString("0.0", CultureInfo.InvariantCulture) + "°",
        }));

    private static string Degrees(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) + "°" : "— (no trial)";
}
