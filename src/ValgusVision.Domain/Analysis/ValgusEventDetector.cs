namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Finds valgus events in one knee's FPPA series (docs/metrics.md): FPPA at or above the threshold, held for at least the
/// minimum duration, ending only when it falls below threshold − hysteresis (or becomes undefined: an angle we
/// cannot see is not evidence that the knee stayed in). The rule itself lives in <see cref="ValgusEventTracker"/>.
/// </summary>
public sealed class ValgusEventDetector(double thresholdDeg, double hysteresisDeg, double minDurationSeconds)
{
    public static ValgusEventDetector From(AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ValgusEventDetector(settings.ValgusThresholdDeg, settings.EventHysteresisDeg, settings.EventMinDurationSeconds);
    }

    public ValgusEventTracker NewTracker() => new(thresholdDeg, hysteresisDeg, minDurationSeconds);

    /// <summary>Events as positions into the series (start/end/peak) plus interpolated times.</summary>
    public IReadOnlyList<DetectedEvent> Detect(IReadOnlyList<double?> fppaDeg, IReadOnlyList<double> timesSeconds)
    {
        ArgumentNullException.ThrowIfNull(fppaDeg);
        ArgumentNullException.ThrowIfNull(timesSeconds);
        var tracker = NewTracker();
        var events = new List<DetectedEvent>();
        for (int i = 0; i < fppaDeg.Count; i++)
        {
            if (tracker.Update(i, fppaDeg[i], timesSeconds[i]) is { } e)
            {
                events.Add(e);
            }
        }

        if (tracker.Flush() is { } open)
        {
            events.Add(open);
        }

        return events;
    }
}
