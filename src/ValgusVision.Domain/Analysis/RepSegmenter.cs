namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Finds reps in a signal that rises from rest and returns (depth, trunk flexion, pelvis lift): a rep starts when the
/// signal passes <c>start</c>, must reach <c>minPeak</c>, and ends when it falls back to <c>end</c> (&lt; start: the
/// hysteresis band, so jitter around one level cannot split a rep). Reps shorter than the minimum duration and a rep
/// still open when the data ends are dropped. Undefined samples neither start nor end a rep.
/// </summary>
public sealed class RepSegmenter(double start, double end, double minPeak, double minDurationSeconds)
{
    /// <param name="signal">The (smoothed) signal, one value per frame.</param>
    /// <param name="timesSeconds">Frame times, non-decreasing.</param>
    public IReadOnlyList<RepWindow> Segment(IReadOnlyList<double?> signal, IReadOnlyList<double> timesSeconds)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(timesSeconds);
        var reps = new List<RepWindow>();
        int previousEnd = 0;
        int i = 0;
        while (i < signal.Count)
        {
            if (signal[i] is not { } v || v < start)
            {
                i++;
                continue;
            }

            // The rep began at the last frame at rest (at or below the end level) before the crossing.
            int repStart = i;
            while (repStart > previousEnd && (signal[repStart - 1] is not { } b || b > end))
            {
                repStart--;
            }

            if (repStart > previousEnd)
            {
                repStart--;
            }

            int bottom = i;
            double peak = v;
            int j = i + 1;
            int repEnd = -1;
            for (; j < signal.Count; j++)
            {
                if (signal[j] is not { } w)
                {
                    continue;
                }

                if (w > peak)
                {
                    peak = w;
                    bottom = j;
                }

                if (w <= end)
                {
                    repEnd = j;
                    break;
                }
            }

            if (repEnd < 0)
            {
                break;
            }

            if (peak >= minPeak && timesSeconds[repEnd] - timesSeconds[repStart] >= minDurationSeconds)
            {
                reps.Add(new RepWindow(repStart, bottom, repEnd));
                previousEnd = repEnd;
            }

            i = repEnd + 1;
        }

        return reps;
    }
}
