using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests.Ankle;

public class LiveLungeTrackerTests
{
    private static readonly AnalysisSettings Lunge = AnalysisSettings.Default with { Exercise = Exercise.AnkleLunge };

    [Fact]
    public void Live_attempts_match_the_offline_analysis()
    {
        var frames = SyntheticLunge.Session(new SyntheticLunge(), [38, 42, 40, 45], heelLiftPx: 40, liftAttempts: [4]);
        var tracker = new LiveLungeTracker(Lunge.Lunge);
        bool sawLift = false;
        foreach (var frame in frames)
        {
            sawLift |= tracker.Add(frame).HeelLifted;
        }

        var offline = SessionAnalyzer.Analyze(frames, Lunge).Ankle!.Left!;
        Assert.Equal(offline.Attempts.Length, tracker.Attempts.Count);
        for (int i = 0; i < offline.Attempts.Length; i++)
        {
            Assert.Equal(offline.Attempts[i].HeelLift, tracker.Attempts[i].HeelLift);
            Assert.Equal(offline.Attempts[i].InclinationDeg ?? double.NaN, tracker.Attempts[i].InclinationDeg ?? double.NaN, 3);
        }

        Assert.True(sawLift);
        Assert.Equal(42, tracker.Best(Side.Left)!.Value, 3);
        Assert.Equal(4, tracker.AttemptCount(Side.Left));
        Assert.Equal(0, tracker.AttemptCount(Side.Right));
    }

    [Fact]
    public void Live_tilted_phone_is_levelled_once_standing_is_known()
    {
        var frames = SyntheticLunge.Session(new SyntheticLunge { CameraRollDeg = 8 }, [40]);
        var tracker = new LiveLungeTracker(Lunge.Lunge);
        LiveLungeFrame last = default;
        foreach (var frame in frames)
        {
            last = tracker.Add(frame);
        }

        Assert.Equal(8, last.FloorTiltDeg, 3);
        Assert.Equal(40, tracker.Best(Side.Left)!.Value, 3);
    }

    [Fact]
    public void Live_frontal_view_says_so_after_half_a_second()
    {
        var frames = SyntheticLunge.Session(new SyntheticLunge { YawDeg = 0 }, [], standSeconds: 1);
        var tracker = new LiveLungeTracker(Lunge.Lunge);
        LiveLungeFrame last = default;
        foreach (var frame in frames)
        {
            last = tracker.Add(frame);
        }

        Assert.Contains("side view", last.Message, StringComparison.Ordinal);
        Assert.Null(last.InclinationDeg);
        Assert.Empty(tracker.Attempts);
    }

    [Fact]
    public void Live_standing_reference_skips_a_lunge_made_before_standing_still()
    {
        // No standing second first: the person lunges at once, then stands, then lunges again.
        var frames = SyntheticLunge.Session(new SyntheticLunge(), [40], standSeconds: 0);
        SyntheticLunge.Session(new SyntheticLunge(), [41], standSeconds: 1, append: frames);
        var tracker = new LiveLungeTracker(Lunge.Lunge);
        foreach (var frame in frames)
        {
            tracker.Add(frame);
        }

        Assert.Equal(41, tracker.Best(Side.Left)!.Value, 3);
    }
}
