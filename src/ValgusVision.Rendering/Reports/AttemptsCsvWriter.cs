using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// Writes attempts.csv for the weight-bearing lunge test: one row per attempt with its side's best, approximate
/// toe-to-wall distance and verdict repeated on every row (docs/report-json.md, "ankle"). Same conventions as
/// reps.csv: invariant numbers with 3 decimals, empty cells for undefined values, RFC 4180 quoting, CRLF.
/// </summary>
public static class AttemptsCsvWriter
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "side", "attempt", "start_s", "peak_s", "end_s", "peak_frame", "tibial_inclination_deg", "measured_on", "heel_lift",
        "max_heel_rise_pct", "max_ankle_rise_pct", "problem", "best", "toe_to_wall_approx_cm", "verdict",
    ];

    public static void Write(AnkleLungeResult ankle, IReadOnlyList<int> frameNumbers, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(ankle);
        ArgumentNullException.ThrowIfNull(frameNumbers);
        output.Write(string.Join(',', Header));
        output.Write("\r\n");
        foreach (var side in (ReadOnlySpan<Side>)[Side.Left, Side.Right])
        {
            if (ankle.For(side) is not { } result)
            {
                continue;
            }

            foreach (var a in result.Attempts)
            {
                string[] cells =
                [
                    side.ToName(),
                    a.Number.ToString(CultureInfo.InvariantCulture),
                    Number(a.StartTimeSeconds),
                    Number(a.PeakTimeSeconds),
                    Number(a.EndTimeSeconds),
                    frameNumbers[a.PeakFrame].ToString(CultureInfo.InvariantCulture),
                    Number(a.InclinationDeg),
                    a.MeasuredOn?.ToName() ?? string.Empty,
                    a.HeelLift ? "true" : "false",
                    Number(a.MaxHeelRisePct),
                    Number(a.MaxAnkleRisePct),
                    RepsCsvWriter.Quote(a.Problem ?? string.Empty),
                    a.Number == result.BestAttemptNumber ? "true" : "false",
                    Number(result.ToeToWallApproxCm),
                    result.Verdict.ToName(),
                ];
                output.Write(string.Join(',', cells));
                output.Write("\r\n");
            }
        }

        output.Flush();
    }

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v)
            ? Math.Round(v, 3, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture)
            : string.Empty;
}
