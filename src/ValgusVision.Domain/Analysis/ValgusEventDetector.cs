namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Finds valgus events in one knee's FPPA series (METRICS.md): FPPA at or above the threshold, held for at least the
/// minimum duration, ending only when it falls below threshold − hysteresis (or becomes undefined: an angle we
/// cannot see is not evidence that the knee stayed in). Crossing times are interpolated between frames, so the
/// duration does not depend on where the frames happened to fall.
/// </summary>
public sealed class ValgusEventDetector(double thresholdDeg, double hysteresisDeg, double minDurationSeconds)
{
    public static ValgusEventDetector From(AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ValgusEventDetector(settings.ValgusThresholdDeg, settings.EventHysteresisDeg, settings.EventMinDurationSeconds);
    }

    /// <summary>Events as positions into the series (start/end/peak) plus interpolated times.</summary>
    public IReadOnlyList<DetectedEvent> Detect(IReadOnlyList<double?> fppaDeg, IReadOnlyList<double> timesSeconds)
    {
        ArgumentNullException.ThrowIfNull(fppaDeg);
        ArgumentNullException.ThrowIfNull(timesSeconds);
        double exit = thresholdDeg - hysteresisDeg;
        var events = new List<DetectedEvent>();
        int i = 0;
        while (i < fppaDeg.Count)
        {
            if (fppaDeg[i] is not { } v || v < thresholdDeg)
            {
                i++;
                continue;
            }

            double startTime = i > 0 && fppaDeg[i - 1] is { } before && before < thresholdDeg
                ? Cross(timesSeconds[i - 1], before, timesSeconds[i], v, thresholdDeg)
                : timesSeconds[i];
            int start = i, last = i, peak = i;
            double peakValue = v;
            double endTime = timesSeconds[i];
            int j = i + 1;
            for (; j < fppaDeg.Count; j++)
            {
                if (fppaDeg[j] is not { } w)
                {
                    endTime = timesSeconds[last];
                    break;
                }

                if (w < exit)
                {
                    endTime = Cross(timesSeconds[last], fppaDeg[last]!.Value, timesSeconds[j], w, exit);
                    break;
                }

                last = j;
                if (w > peakValue)
                {
                    peakValue = w;
                    peak = j;
                }
            }

            if (j == fppaDeg.Count)
            {
                endTime = timesSeconds[last];
            }

            // A tiny tolerance so that exactly the minimum duration counts despite rounding of the interpolation.
            if (endTime - startTime >= minDurationSeconds - 1e-9)
            {
                events.Add(new DetectedEvent(start, last, peak, startTime, endTime, peakValue));
            }

            i = j;
        }

        return events;
    }

    /// <summary>Time at which the line through (t0, v0)–(t1, v1) crosses <paramref name="level"/>.</summary>
    private static double Cross(double t0, double v0, double t1, double v1, double level) =>
        v1 == v0 ? t1 : t0 + ((level - v0) / (v1 - v0) * (t1 - t0));
}
