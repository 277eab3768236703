using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Drill;

/// <summary>
/// drill.csv: one row per trial (side, trial, hold start, hold depth, FPPA, absolute error), then one summary row per
/// leg with the mean absolute error and its trend per trial in the error and trend columns.
/// </summary>
public static class DrillCsv
{
    public const string Header = "row,side,trial,hold_start_s,hold_depth_pct,fppa_deg,abs_error_deg,trend_deg_per_trial";

    public static void Write(DrillResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Header);
        output.Write('\n');
        foreach (var side in new[] { result.Left, result.Right })
        {
            foreach (var t in side.Trials)
            {
                output.Write(string.Create(CultureInfo.InvariantCulture,
                    $"trial,{t.Side.ToName()},{t.Number},{t.HoldStartSeconds:0.000},{t.HoldDepthPct:0.0},{t.FppaDeg:0.00},{t.AbsoluteErrorDeg:0.00},\n"));
            }
        }

        foreach (var side in new[] { result.Left, result.Right })
        {
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"summary,{side.Side.ToName()},{side.Trials.Length},,,{Cell(side.MeanSignedFppaDeg)},{Cell(side.MeanAbsoluteErrorDeg)},{Cell(side.TrendDegPerTrial)}\n"));
        }
    }

    private static string Cell(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty;
}
