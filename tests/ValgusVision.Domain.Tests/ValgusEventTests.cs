using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

public class ValgusEventTests
{
    // Threshold 10°, exit below 8°, at least 100 ms; frames every 10 ms so durations are easy to count.
    private static readonly ValgusEventDetector Detector = new(10, 2, 0.100);

    private static double[] Times(int n) => Enumerable.Range(0, n).Select(i => i * 0.010).ToArray();

    [Fact]
    public void Fppa_just_below_the_threshold_is_no_event_and_at_it_is()
    {
        var below = Enumerable.Repeat<double?>(9.99, 30).ToArray();
        var at = Enumerable.Repeat<double?>(10.0, 30).ToArray();
        Assert.Empty(Detector.Detect(below, Times(30)));
        Assert.Single(Detector.Detect(at, Times(30)));
    }

    [Fact]
    public void Event_must_last_the_minimum_duration()
    {
        // Square pulses to 15° from 5°: crossing times interpolate to the pulse edges ± half a frame, i.e.
        // up at t(first) − 10 ms·(5/10) … so compare pulse widths well either side of 100 ms.
        Assert.Empty(Detector.Detect(Pulse(8), Times(40)));
        var e = Assert.Single(Detector.Detect(Pulse(12), Times(40)));

        // Rise 5→15 between frames 9 and 10 crosses 10° at 9.5 → t = 95 ms; fall 15→5 between frames 21 and 22
        // crosses 8° at 21.7 → t = 217 ms.
        Assert.Equal(0.095, e.StartTimeSeconds, 9);
        Assert.Equal(0.217, e.EndTimeSeconds, 9);
        Assert.Equal(10, e.Start);
        Assert.Equal(21, e.End);
    }

    [Fact]
    public void Dip_above_the_exit_level_does_not_split_an_event_but_below_it_does()
    {
        double?[] shallow = [.. Enumerable.Repeat<double?>(12, 15), 8.5, 8.5, .. Enumerable.Repeat<double?>(12, 15)];
        double?[] deep = [.. Enumerable.Repeat<double?>(12, 15), 7.5, 7.5, .. Enumerable.Repeat<double?>(12, 15)];
        Assert.Single(Detector.Detect(shallow, Times(shallow.Length)));
        Assert.Equal(2, Detector.Detect(deep, Times(deep.Length)).Count);
    }

    [Fact]
    public void Undefined_fppa_ends_an_event_and_never_starts_one()
    {
        double?[] series = [.. Enumerable.Repeat<double?>(14, 15), null, .. Enumerable.Repeat<double?>(14, 15)];
        var events = Detector.Detect(series, Times(series.Length));
        Assert.Equal(2, events.Count);
        Assert.Equal(0.140, events[0].EndTimeSeconds, 9);
        Assert.Empty(Detector.Detect(Enumerable.Repeat<double?>(null, 30).ToArray(), Times(30)));
    }

    [Fact]
    public void Peak_is_the_highest_fppa_inside_the_event()
    {
        double?[] series = [5, 11, 13, 17, 12, 11, 11, 11, 11, 11, 11, 11, 11, 5];
        var e = Assert.Single(Detector.Detect(series, Times(series.Length)));
        Assert.Equal(17, e.PeakDeg);
        Assert.Equal(3, e.Peak);
    }

    [Fact]
    public void Squat_with_the_knee_caving_past_the_limit_gives_one_event_per_rep_on_the_stance_knee()
    {
        // Bottom: hip at y 500, ankle 800, knee 150 px below the hip; 150·tan 7° = 18.42 px medial ≈ 14° FPPA.
        var frames = new SyntheticSession().Build(3, SyntheticSession.Squat(_ => Side.Right, 100, 150 * Math.Tan(7 * Math.PI / 180)));
        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat });
        Assert.Equal(3, analysis.Reps.Length);
        Assert.Equal(3, analysis.Events.Length);
        Assert.All(analysis.Events, e => Assert.Equal(Side.Right, e.Side));
        Assert.Equal([0, 1, 2], analysis.Events.Select(e => e.RepIndex!.Value));
        Assert.All(analysis.Reps, r => Assert.Equal(14, r.FppaAtBottomDeg!.Value, 0));
        Assert.Contains(analysis.Frames, f => f.InEvent);

        // Raising the limit to 15° removes them.
        var lenient = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat, ValgusThresholdDeg = 15 });
        Assert.Empty(lenient.Events);
        Assert.DoesNotContain(lenient.Frames, f => f.InEvent);
    }

    private static double?[] Pulse(int width)
    {
        var series = Enumerable.Repeat<double?>(5, 40).ToArray();
        for (int i = 10; i < 10 + width; i++)
        {
            series[i] = 15;
        }

        return series;
    }
}
