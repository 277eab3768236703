using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Analysis;

/// <summary>Frame rates from timestamps (videos drop and repeat frames, so the nominal rate is not trusted).</summary>
public static class FrameRates
{
    /// <summary>
    /// 1 / (time to the previous frame) per frame; the first frame uses the gap to the next. Null where the gap is
    /// not positive or there is only one frame.
    /// </summary>
    public static double?[] Instantaneous(IReadOnlyList<double> timesSeconds)
    {
        ArgumentNullException.ThrowIfNull(timesSeconds);
        var rates = new double?[timesSeconds.Count];
        for (int i = 0; i < rates.Length; i++)
        {
            double gap = i > 0 ? timesSeconds[i] - timesSeconds[i - 1]
                : rates.Length > 1 ? timesSeconds[1] - timesSeconds[0] : 0;
            rates[i] = gap > 0 ? 1.0 / gap : null;
        }

        return rates;
    }

    /// <summary>Median of the defined rates in [from, to] (inclusive); null when none.</summary>
    public static double? Median(double?[] rates, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var values = new List<double>();
        for (int i = Math.Max(0, from); i <= to && i < rates.Length; i++)
        {
            if (rates[i] is { } r)
            {
                values.Add(r);
            }
        }

        return Percentile.Of(values, 0.5);
    }
}
