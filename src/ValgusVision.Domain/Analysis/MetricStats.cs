namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Count, mean, sample standard deviation and worst (largest) of one metric over reps; null where there are no
/// values (SD also needs two).
/// </summary>
public readonly record struct MetricStats(int Count, double? Mean, double? StandardDeviation, double? Worst)
{
    public static MetricStats Empty => new(0, null, null, null);

    /// <summary>Statistics of the non-null values.</summary>
    public static MetricStats Of(IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = 0;
        double sum = 0, max = double.NegativeInfinity;
        var list = new List<double>();
        foreach (var value in values)
        {
            if (value is not { } v)
            {
                continue;
            }

            list.Add(v);
            n++;
            sum += v;
            max = Math.Max(max, v);
        }

        if (n == 0)
        {
            return Empty;
        }

        double mean = sum / n;
        double? sd = null;
        if (n > 1)
        {
            double squares = 0;
            foreach (var v in list)
            {
                squares += (v - mean) * (v - mean);
            }

            sd = Math.Sqrt(squares / (n - 1));
        }

        return new MetricStats(n, mean, sd, max);
    }
}
