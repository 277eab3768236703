namespace ValgusVision.Domain.Signals;

/// <summary>Linear-interpolated percentiles of small samples (standing references, median frame rates).</summary>
internal static class Percentile
{
    /// <summary>The <paramref name="fraction"/> quantile (0–1) of <paramref name="values"/>, null when empty. Sorts the list in place.</summary>
    public static double? Of(List<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        double position = fraction * (values.Count - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, values.Count - 1);
        double weight = position - lower;
        return values[lower] + ((values[upper] - values[lower]) * weight);
    }
}
