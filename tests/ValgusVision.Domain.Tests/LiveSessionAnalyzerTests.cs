using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

public class LiveSessionAnalyzerTests
{
    [Fact]
    public void Live_reps_and_events_match_the_offline_analysis()
    {
        // Knee caving in to ≈ 14° at the bottom of each of four squats, ±2 px noise.
        var frames = new SyntheticSession { NoisePx = 2, Seed = 21 }
            .Build(4, SyntheticSession.Squat(r => r < 2 ? Side.Right : Side.Left, 100, 150 * Math.Tan(7 * Math.PI / 180)));
        var settings = AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat };
        var live = new LiveSessionAnalyzer(settings);
        int repsSeenBeforeTheEnd = 0;
        foreach (var frame in frames)
        {
            var m = live.Add(frame);
            Assert.Equal(frame.FrameIndex, m.FrameIndex);
            if (frame.TimeSeconds < frames[^1].TimeSeconds - 1.5)
            {
                repsSeenBeforeTheEnd = live.Reps.Count;
            }
        }

        var offline = SessionAnalyzer.Analyze(frames, settings);
        Assert.True(live.IsCalibrated);
        Assert.Equal(4, offline.Reps.Length);
        Assert.Equal(offline.Reps.Length, live.Reps.Count);
        Assert.True(repsSeenBeforeTheEnd >= 3, "reps must be reported while the session runs");
        for (int r = 0; r < 4; r++)
        {
            Assert.Equal(offline.Reps[r].Side, live.Reps[r].Side);
            Assert.InRange(live.Reps[r].BottomFrame, offline.Reps[r].BottomFrame - 3, offline.Reps[r].BottomFrame + 3);

            // A bottom a frame or two apart reads a different noisy frame: ±2 px at the knee is about ±1°.
            Assert.InRange(live.Reps[r].FppaAtBottomDeg!.Value - offline.Reps[r].FppaAtBottomDeg!.Value, -1.5, 1.5);
        }

        Assert.Equal(offline.Events.Select(e => (e.Side, e.StartFrame, e.RepIndex)), live.Events.Select(e => (e.Side, e.StartFrame, e.RepIndex)));
        Assert.Contains(live.Frames, f => f.InEvent);
        AnalysisAssert.Equal(offline, live.Finish());
    }

    [Fact]
    public void Switching_the_exercise_mid_session_counts_the_new_exercises_reps_by_its_own_signal()
    {
        // Two squats, then (a guided session's next step) three hinges on the right leg: trunk to 70°, hip 20 px down.
        var session = new SyntheticSession { NoisePx = 1, Seed = 5 };
        var squats = session.Build(2, SyntheticSession.Squat(_ => Side.Right, 100, 0));
        var hinges = session.Build(3, (_, phase) => SyntheticBody.OnLeg(Side.Right) with { TrunkFlexionDeg = 70 * phase, DepthPx = 20 * phase });
        double offset = squats[^1].TimeSeconds + (1 / session.FramesPerSecond);
        var later = hinges.Select(f => f with { FrameIndex = f.FrameIndex + squats.Count, TimeSeconds = f.TimeSeconds + offset }).ToList();

        var live = new LiveSessionAnalyzer(AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat });
        squats.ForEach(f => live.Add(f));
        Assert.Equal(2, live.Reps.Count);
        live.SwitchExercise(Exercise.Hinge);
        Assert.Equal(Exercise.Hinge, live.Exercise);
        later.ForEach(f => live.Add(f));

        Assert.Equal(5, live.Reps.Count);
        Assert.All(live.Reps.Take(2), r => Assert.Equal(Exercise.SingleLegSquat, r.Exercise));
        Assert.All(live.Reps.Skip(2), r =>
        {
            Assert.Equal(Exercise.Hinge, r.Exercise);
            Assert.InRange(r.PeakTrunkFlexionDeg!.Value, 66, 74);
            Assert.Contains("at the deepest hinge", r.Verdict, StringComparison.Ordinal);
        });

        // Without the switch the same hinges are judged as squats (or not counted at all): never as hinges.
        var squatOnly = new LiveSessionAnalyzer(AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat });
        squats.Concat(later).ToList().ForEach(f => squatOnly.Add(f));
        Assert.DoesNotContain(squatOnly.Reps, r => r.Exercise == Exercise.Hinge);
    }

    [Fact]
    public void Frames_going_back_in_time_are_refused()
    {
        var live = new LiveSessionAnalyzer(AnalysisSettings.Default);
        live.Add(SyntheticBody.Standing.Frame(0, 1.0));
        Assert.Throws<ArgumentException>(() => live.Add(SyntheticBody.Standing.Frame(1, 0.9)));
    }

    [Fact]
    public void The_stance_leg_is_held_at_depth_where_the_free_foot_comes_level_with_the_standing_one()
    {
        // 150 px deep: the free foot, 150 px up while standing, hangs from the pelvis and is level with the standing
        // foot at the bottom, so the frames around the bottom have no lower ankle (issue 21: "stance: ?" at depth).
        var frames = new SyntheticSession().Build(3, SyntheticSession.Squat(_ => Side.Left, SyntheticSession.FreeAnkleLiftPx, 20));
        var settings = AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat };
        var calculator = new FrameMetricsCalculator(settings, StandingReference.FromFrames(frames.Take(30).ToList(), settings.VisibilityGate, settings.FrameEdgeMargin));
        Assert.Contains(frames, f => calculator.StanceFromAnkles(f) is null && f.TimeSeconds > 1.5);

        var live = new LiveSessionAnalyzer(settings);
        var metrics = frames.Select(live.Add).ToList();
        var afterFirstVote = metrics.SkipWhile(m => m.Stance is null).ToList();
        Assert.NotEmpty(afterFirstVote);
        Assert.All(afterFirstVote, m => Assert.Equal(Side.Left, m.Stance));
        Assert.All(afterFirstVote.Where(m => m.DepthPct > 10), m => Assert.NotNull(m.StanceFppaDeg));
    }
}
