namespace ValgusVision.Domain.Signals;

/// <summary>
/// Finds reps in a signal that rises from rest and returns (depth, trunk flexion, pelvis lift): a rep starts when the
/// signal passes <c>start</c>, must reach <c>minPeak</c>, and ends when it falls back to <c>end</c> (&lt; start: the
/// hysteresis band, so jitter around one level cannot split a rep). Reps shorter than the minimum duration and a rep
/// still open when the data ends are dropped. Undefined samples neither start nor end a rep. The rep starts where
/// the motion began, not where it crossed <c>start</c> — baselines such as the hip shift at the rep's start need the
/// person still standing there: walking back from the crossing, the first local minimum within half the hysteresis
/// band of the rest level (the band is chosen wider than jitter, so a wiggle above it is real movement).
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

            int repStart = MotionStart(signal, previousEnd, i, RestBand);
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

    /// <summary>Half the hysteresis band: how far above its resting value the signal may be and still count as rest.</summary>
    public double RestBand => (start - end) / 2;

    /// <summary>
    /// Where the motion that crossed the start level at <paramref name="crossing"/> began: walk back while the signal
    /// is clearly above rest (more than <paramref name="restBand"/> over the lowest value since <paramref name="from"/>)
    /// or still falling going backwards; stop at the first local minimum within the rest band.
    /// </summary>
    internal static int MotionStart(IReadOnlyList<double?> signal, int from, int crossing, double restBand)
    {
        double rest = double.PositiveInfinity;
        for (int j = from; j < crossing; j++)
        {
            if (signal[j] is { } v && v < rest)
            {
                rest = v;
            }
        }

        int at = crossing;
        double current = signal[crossing] ?? double.PositiveInfinity;
        for (int j = crossing - 1; j >= from; j--)
        {
            if (signal[j] is not { } before)
            {
                continue;
            }

            if (current <= rest + restBand && before >= current)
            {
                break;
            }

            at = j;
            current = before;
        }

        return at;
    }
}
