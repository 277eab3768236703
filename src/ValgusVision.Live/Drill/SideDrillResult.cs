using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Drill;

/// <summary>
/// One leg's position-sense result: the mean absolute FPPA at the holds (the error) and its trend over the trials.
/// </summary>
/// <param name="MeanAbsoluteErrorDeg">Mean of |FPPA| over the trials; null without trials.</param>
/// <param name="MeanSignedFppaDeg">Mean FPPA with sign: positive = the person tends to hold in valgus.</param>
/// <param name="TrendDegPerTrial">
/// Least-squares slope of |FPPA| against trial number; negative = the error shrinks as the person learns. Null with
/// fewer than two trials.
/// </param>
public sealed record SideDrillResult(
    Side Side,
    ImmutableArray<DrillTrial> Trials,
    double? MeanAbsoluteErrorDeg,
    double? MeanSignedFppaDeg,
    double? TrendDegPerTrial)
{
    public static SideDrillResult From(Side side, IReadOnlyList<DrillTrial> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        int n = trials.Count;
        if (n == 0)
        {
            return new SideDrillResult(side, [], null, null, null);
        }

        double sumAbs = 0, sumSigned = 0, sumX = 0, sumXY = 0, sumXX = 0;
        for (int i = 0; i < n; i++)
        {
            double x = trials[i].Number;
            double y = trials[i].AbsoluteErrorDeg;
            sumAbs += y;
            sumSigned += trials[i].FppaDeg;
            sumX += x;
            sumXY += x * y;
            sumXX += x * x;
        }

        double? slope = null;
        double denominator = (n * sumXX) - (sumX * sumX);
        if (n >= 2 && denominator > 0)
        {
            slope = ((n * sumXY) - (sumX * sumAbs)) / denominator;
        }

        return new SideDrillResult(side, [.. trials], sumAbs / n, sumSigned / n, slope);
    }

    /// <summary>A sentence for a person: the error and whether it improved.</summary>
    public string Describe()
    {
        if (MeanAbsoluteErrorDeg is not { } error)
        {
            return $"{Side.ToTitle()} leg: no completed trials.";
        }

        string lean = MeanSignedFppaDeg switch
        {
            > 0.5 => ", mostly in valgus (knee inside the hip–ankle line)",
            < -0.5 => ", mostly in varus (knee outside the hip–ankle line)",
            _ => string.Empty,
        };
        string trend = TrendDegPerTrial switch
        {
            null => string.Empty,
            < -0.25 => $"; improving by {-TrendDegPerTrial.Value:0.0}° per trial",
            > 0.25 => $"; getting worse by {TrendDegPerTrial.Value:0.0}° per trial",
            _ => "; steady over the trials",
        };
        return $"{Side.ToTitle()} leg: position-sense error {error:0.0}° over {Trials.Length} trials{lean}{trend}.";
    }
}
