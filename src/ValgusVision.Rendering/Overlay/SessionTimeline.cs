using System.Collections.Immutable;

namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// The whole session's curves and marks, known before the overlay video is drawn (the analysis runs first), so the
/// strip along the bottom can show the full FPPA curve with a moving playhead. Undefined samples are NaN.
/// </summary>
public sealed record SessionTimeline
{
    public SessionTimeline(
        ImmutableArray<double> timesSeconds,
        ImmutableArray<double> fppaDegrees,
        ImmutableArray<double> hipShiftPercentOfLeg,
        ImmutableArray<RepMarker> reps,
        ImmutableArray<TimeInterval> valgusEvents,
        double valgusThresholdDegrees)
    {
        if (fppaDegrees.Length != timesSeconds.Length || hipShiftPercentOfLeg.Length != timesSeconds.Length)
        {
            throw new ArgumentException(
                $"session timeline: {timesSeconds.Length} times but {fppaDegrees.Length} FPPA and " +
                $"{hipShiftPercentOfLeg.Length} hip-shift samples; every frame needs one of each",
                nameof(fppaDegrees));
        }

        TimesSeconds = timesSeconds;
        FppaDegrees = fppaDegrees;
        HipShiftPercentOfLeg = hipShiftPercentOfLeg;
        Reps = reps;
        ValgusEvents = valgusEvents;
        ValgusThresholdDegrees = valgusThresholdDegrees;
    }

    public ImmutableArray<double> TimesSeconds { get; }

    public ImmutableArray<double> FppaDegrees { get; }

    public ImmutableArray<double> HipShiftPercentOfLeg { get; }

    public ImmutableArray<RepMarker> Reps { get; }

    public ImmutableArray<TimeInterval> ValgusEvents { get; }

    public double ValgusThresholdDegrees { get; }

    /// <summary>The session's numbers may be coloured against the limit; when false the strip draws them grey.</summary>
    public bool Trusted { get; init; } = true;

    public double StartSeconds => TimesSeconds.IsEmpty ? 0 : TimesSeconds[0];

    public double EndSeconds => TimesSeconds.IsEmpty ? 0 : TimesSeconds[^1];
}
