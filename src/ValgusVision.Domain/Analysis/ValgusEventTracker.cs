namespace ValgusVision.Domain.Analysis;

/// <summary>
/// The valgus-event rule applied one frame at a time (docs/metrics.md): starts at FPPA ≥ threshold, ends when FPPA falls
/// below threshold − hysteresis or becomes undefined, kept when it lasted the minimum duration. Crossing times are
/// interpolated between frames. <see cref="ValgusEventDetector"/> runs it over a whole series; live analysis feeds
/// it frame by frame, so both apply exactly the same rule. No allocation per frame.
/// </summary>
public sealed class ValgusEventTracker(double thresholdDeg, double hysteresisDeg, double minDurationSeconds)
{
    // Slack so an event of exactly the minimum duration counts despite rounding in the interpolation.
    private const double DurationSlack = 1e-9;

    private double? previousValue;
    private double previousTime;
    private bool inEvent;
    private int start, last, peak;
    private double startTime, lastValue, lastTime, peakValue;

    /// <summary>True while an event is open and has already lasted the minimum duration (for live display).</summary>
    public bool IsSustained => inEvent && lastTime - startTime >= minDurationSeconds - DurationSlack;

    /// <summary>Feeds one frame; returns the event that this frame ended, if it lasted long enough.</summary>
    public DetectedEvent? Update(int position, double? fppaDeg, double timeSeconds)
    {
        DetectedEvent? finished = null;
        if (!inEvent)
        {
            if (fppaDeg is { } v && v >= thresholdDeg)
            {
                inEvent = true;
                startTime = previousValue is { } before && before < thresholdDeg
                    ? Cross(previousTime, before, timeSeconds, v, thresholdDeg)
                    : timeSeconds;
                start = last = peak = position;
                lastValue = peakValue = v;
                lastTime = timeSeconds;
            }
        }
        else if (fppaDeg is not { } w)
        {
            finished = Finish(lastTime);
        }
        else if (w < thresholdDeg - hysteresisDeg)
        {
            finished = Finish(Cross(lastTime, lastValue, timeSeconds, w, thresholdDeg - hysteresisDeg));
        }
        else
        {
            last = position;
            lastValue = w;
            lastTime = timeSeconds;
            if (w > peakValue)
            {
                peakValue = w;
                peak = position;
            }
        }

        previousValue = fppaDeg;
        previousTime = timeSeconds;
        return finished;
    }

    /// <summary>Ends an event still open when the data ends (at its last frame).</summary>
    public DetectedEvent? Flush() => inEvent ? Finish(lastTime) : null;

    private DetectedEvent? Finish(double endTime)
    {
        inEvent = false;
        return endTime - startTime >= minDurationSeconds - DurationSlack
            ? new DetectedEvent(start, last, peak, startTime, endTime, peakValue)
            : null;
    }

    /// <summary>Time at which the line through (t0, v0)–(t1, v1) crosses <paramref name="level"/>.</summary>
    private static double Cross(double t0, double v0, double t1, double v1, double level) =>
        v1 == v0 ? t1 : t0 + ((level - v0) / (v1 - v0) * (t1 - t0));
}
