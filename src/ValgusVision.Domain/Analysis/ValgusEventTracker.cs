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

    private double? _previousValue;
    private double _previousTime;
    private bool _inEvent;
    private int _start, _last, _peak;
    private double _startTime, _lastValue, _lastTime, _peakValue;

    /// <summary>True while an event is open and has already lasted the minimum duration (for live display).</summary>
    public bool IsSustained => _inEvent && _lastTime - _startTime >= minDurationSeconds - DurationSlack;

    /// <summary>Feeds one frame; returns the event that this frame ended, if it lasted long enough.</summary>
    public DetectedEvent? Update(int position, double? fppaDeg, double timeSeconds)
    {
        DetectedEvent? finished = null;
        if (!_inEvent)
        {
            if (fppaDeg is { } v && v >= thresholdDeg)
            {
                _inEvent = true;
                _startTime = _previousValue is { } before && before < thresholdDeg
                    ? Cross(_previousTime, before, timeSeconds, v, thresholdDeg)
                    : timeSeconds;
                _start = _last = _peak = position;
                _lastValue = _peakValue = v;
                _lastTime = timeSeconds;
            }
        }
        else if (fppaDeg is not { } w)
        {
            finished = Finish(_lastTime);
        }
        else if (w < thresholdDeg - hysteresisDeg)
        {
            finished = Finish(Cross(_lastTime, _lastValue, timeSeconds, w, thresholdDeg - hysteresisDeg));
        }
        else
        {
            _last = position;
            _lastValue = w;
            _lastTime = timeSeconds;
            if (w > _peakValue)
            {
                _peakValue = w;
                _peak = position;
            }
        }

        _previousValue = fppaDeg;
        _previousTime = timeSeconds;
        return finished;
    }

    /// <summary>Ends an event still open when the data ends (at its last frame).</summary>
    public DetectedEvent? Flush() => _inEvent ? Finish(_lastTime) : null;

    private DetectedEvent? Finish(double endTime)
    {
        _inEvent = false;
        return endTime - _startTime >= minDurationSeconds - DurationSlack
            ? new DetectedEvent(_start, _last, _peak, _startTime, endTime, _peakValue)
            : null;
    }

    /// <summary>Time at which the line through (t0, v0)–(t1, v1) crosses <paramref name="level"/>.</summary>
    private static double Cross(double t0, double v0, double t1, double v1, double level) =>
        v1 == v0 ? t1 : t0 + ((level - v0) / (v1 - v0) * (t1 - t0));
}
