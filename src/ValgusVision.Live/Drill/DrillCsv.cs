using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Drill;

/// <summary>
/// The drill's tables, kept apart so every column means one thing: drill.csv has one row per trial (side, trial, hold
/// start, hold depth, FPPA, absolute error); drill-summary.csv one row per leg (trials, mean absolute error, mean
/// signed FPPA, trend of the error per trial; empty cells where a leg has no trials, or the trend fewer than two).
/// </summary>
public static class DrillCsv
{
    public const string TrialsHeader = "side,trial,hold_start_s,hold_depth_pct,fppa_deg,abs_error_deg";

    public const string SummaryHeader = "side,trials,mean_abs_error_deg,mean_fppa_deg,trend_deg_per_trial";

    public static void WriteTrials(DrillResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(TrialsHeader);
        output.Write('\n');
        foreach (var side in new[] { result.Left, result.Right })
        {
            foreach (var t in side.Trials)
            {
                output.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{t.Side.ToName()},{t.Number},{t.HoldStartSeconds:0.000},{t.HoldDepthPct:0.0},{t.FppaDeg:0.00},{t.AbsoluteErrorDeg:0.00}\n"));
            }
        }
    }

    public static void WriteSummary(DrillResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(SummaryHeader);
        output.Write('\n');
        foreach (var side in new[] { result.Left, result.Right })
        {
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"{side.Side.ToName()},{side.Trials.Length},{Cell(side.MeanAbsoluteErrorDeg)},{Cell(side.MeanSignedFppaDeg)},{Cell(side.TrendDegPerTrial)}\n"));
        }
    }

    private static string Cell(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty;
}
