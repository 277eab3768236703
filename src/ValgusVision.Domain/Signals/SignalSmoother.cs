namespace ValgusVision.Domain.Signals;

/// <summary>
/// Centred moving average over a time window, skipping undefined samples. Used only on the signal reps are
/// segmented from, so a jittery landmark cannot start or end a rep; reported metrics stay unsmoothed.
/// </summary>
public static class SignalSmoother
{
    public static double?[] CentredMean(IReadOnlyList<double?> values, IReadOnlyList<double> timesSeconds, double windowSeconds)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(timesSeconds);
        if (values.Count != timesSeconds.Count)
        {
            throw new ArgumentException($"values ({values.Count}) and times ({timesSeconds.Count}) differ in length", nameof(values));
        }

        var smoothed = new double?[values.Count];
        double half = windowSeconds / 2 + 1e-9;
        int lo = 0, hi = -1;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.Count; i++)
        {
            // Sliding window [lo, hi] of samples within half a window of frame i (times are non-decreasing).
            while (hi + 1 < values.Count && timesSeconds[hi + 1] <= timesSeconds[i] + half)
            {
                hi++;
                if (values[hi] is { } v)
                {
                    sum += v;
                    count++;
                }
            }

            while (timesSeconds[lo] < timesSeconds[i] - half)
            {
                if (values[lo] is { } v)
                {
                    sum -= v;
                    count--;
                }

                lo++;
            }

            smoothed[i] = values[i] is null || count == 0 ? null : sum / count;
        }

        return smoothed;
    }
}
