namespace ValgusVision.App.Evaluation;

/// <summary>Pixel distances of one joint from its true centre: mean, median and 95th percentile (linear interpolation).</summary>
public readonly record struct DistanceSummary(int Count, double? Mean, double? Median, double? P95)
{
    public static DistanceSummary Of(List<double> distances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        if (distances.Count == 0)
        {
            return new DistanceSummary(0, null, null, null);
        }

        distances.Sort();
        return new DistanceSummary(distances.Count, distances.Average(), Quantile(distances, 0.5), Quantile(distances, 0.95));
    }

    private static double Quantile(List<double> sorted, double fraction)
    {
        double position = fraction * (sorted.Count - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
