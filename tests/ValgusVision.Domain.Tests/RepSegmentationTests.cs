using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Tests;

public class RepSegmentationTests
{
    private static readonly AnalysisSettings Squat = AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat };

    [Fact]
    public void Noisy_series_with_five_squats_gives_exactly_five_reps_and_their_bottoms()
    {
        // 100 px of a 400 px leg = 25 % depth; ±3 px landmark noise (≈ ±0.75 % of leg length).
        var session = new SyntheticSession { NoisePx = 3, Seed = 7 };
        var frames = session.Build(5, SyntheticSession.Squat(_ => Side.Right, 100, 0));
        var analysis = SessionAnalyzer.Analyze(frames, Squat);

        Assert.Equal(5, analysis.Reps.Length);
        for (int r = 0; r < 5; r++)
        {
            var rep = analysis.Reps[r];
            Assert.Equal(Side.Right, rep.Side);
            Assert.InRange(rep.BottomTimeSeconds, session.BottomTime(r) - 0.1, session.BottomTime(r) + 0.1);
            Assert.InRange(rep.DepthPct!.Value, 23, 27.5);
            Assert.True(rep.StartTimeSeconds < rep.BottomTimeSeconds && rep.BottomTimeSeconds < rep.EndTimeSeconds);
        }
    }

    [Fact]
    public void Stance_leg_is_detected_per_rep()
    {
        var session = new SyntheticSession { NoisePx = 1 };
        var frames = session.Build(4, SyntheticSession.Squat(r => r % 2 == 0 ? Side.Left : Side.Right, 100, 0));
        var analysis = SessionAnalyzer.Analyze(frames, Squat);
        Assert.Equal([Side.Left, Side.Right, Side.Left, Side.Right], analysis.Reps.Select(r => r.Side!.Value));
        Assert.Equal(2, analysis.Summary.Left.RepCount);
        Assert.Equal(2, analysis.Summary.Right.RepCount);
    }

    [Fact]
    public void Side_override_wins_over_detection()
    {
        var frames = new SyntheticSession().Build(2, SyntheticSession.Squat(_ => Side.Right, 100, 0));
        var analysis = SessionAnalyzer.Analyze(frames, Squat with { StanceOverride = Side.Left });
        Assert.All(analysis.Reps, r => Assert.Equal(Side.Left, r.Side));
    }

    [Fact]
    public void Shallow_dips_are_not_reps()
    {
        // 28 px = 7 % of leg length: past the 5 % start but short of the 10 % minimum depth.
        var frames = new SyntheticSession().Build(3, SyntheticSession.Squat(_ => Side.Right, 28, 0));
        var analysis = SessionAnalyzer.Analyze(frames, Squat);
        Assert.Empty(analysis.Reps);
        Assert.Contains(analysis.Warnings, w => w.Contains("No single-leg squat reps", StringComparison.Ordinal));
    }

    [Fact]
    public void Dips_shorter_than_the_minimum_duration_are_not_reps()
    {
        // A 0.3 s excursion: from rest to rest it lasts about 0.3 s, under the 0.4 s minimum.
        var frames = new SyntheticSession { RepSeconds = 0.3 }.Build(3, SyntheticSession.Squat(_ => Side.Right, 100, 0));
        Assert.Empty(SessionAnalyzer.Analyze(frames, Squat).Reps);
    }

    [Fact]
    public void Jitter_around_the_start_level_does_not_split_a_rep()
    {
        // Signal wobbling between 4 % and 6 % (around the 5 % start) inside one excursion to 20 %.
        double?[] signal = [0, 0, 2, 6, 4, 6, 4, 12, 20, 12, 6, 4, 6, 4, 2, 0, 0];
        var times = Enumerable.Range(0, signal.Length).Select(i => i * 0.1).ToArray();
        var reps = new RepSegmenter(5, 3, 10, 0.4).Segment(signal, times);
        var rep = Assert.Single(reps);

        // Start: the last frame within half the 5−3 band (1) of the rest minimum 0 before the crossing = index 1;
        // bottom at the 20; end at the first value back at or below 3 = index 14.
        Assert.Equal(new RepWindow(1, 8, 14), rep);
    }

    [Fact]
    public void A_rep_still_open_at_the_end_is_dropped()
    {
        double?[] signal = [0, 6, 12, 20, 20];
        var times = Enumerable.Range(0, signal.Length).Select(i => i * 0.2).ToArray();
        Assert.Empty(new RepSegmenter(5, 3, 10, 0.4).Segment(signal, times));
    }

    [Fact]
    public void Frames_out_of_time_order_are_refused_with_the_frame_named()
    {
        var frames = new List<Pose.PoseFrame> { SyntheticBody.Standing.Frame(0, 1.0), SyntheticBody.Standing.Frame(1, 0.5) };
        var error = Assert.Throws<ArgumentException>(() => SessionAnalyzer.Analyze(frames, Squat));
        Assert.Contains("frame 1", error.Message, StringComparison.Ordinal);
    }
}
