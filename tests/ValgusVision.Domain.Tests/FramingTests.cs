using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

/// <summary>Framing and visibility (issue 19): a leg cut by the picture or hidden makes a rep "not measured".</summary>
public class FramingTests
{
    private static PoseFrame Cropped(PoseFrame frame, int height) => frame with { ImageHeight = height };

    [Fact]
    public void A_stance_ankle_hidden_at_the_bottom_makes_the_rep_not_measured_not_zero_events()
    {
        // Two right-leg squats with 30 px of valgus (17° at the bottom); in the second, the right ankle is hidden for
        // the frames around its bottom.
        var session = new SyntheticSession();
        var frames = session.Build(2, SyntheticSession.Squat(_ => Side.Right, 100, 30));
        int bottom = (int)Math.Round(session.BottomTime(1) * session.FramesPerSecond);
        for (int i = bottom - 5; i <= bottom + 5; i++)
        {
            var landmarks = frames[i].Landmarks.ToBuilder();
            landmarks[(int)BodyLandmark.RightAnkle] = landmarks[(int)BodyLandmark.RightAnkle] with { Visibility = 0.1f };
            frames[i] = frames[i] with { Landmarks = landmarks.ToImmutable() };
        }

        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat, StanceOverride = Side.Right });
        Assert.Equal(2, analysis.Reps.Length);
        Assert.Null(analysis.Reps[0].NotMeasured);
        Assert.NotNull(analysis.Reps[0].FppaAtBottomDeg);
        Assert.Equal(NotMeasuredReason.Hidden, analysis.Reps[1].NotMeasured);
        Assert.Null(analysis.Reps[1].FppaAtBottomDeg);
        Assert.Equal(1, analysis.Summary.RepsNotMeasured);
        Assert.Equal(NotMeasuredReason.Hidden, analysis.Summary.NotMeasured);
        Assert.Contains(analysis.Warnings, w => w.StartsWith("1 of 2 reps not measured", StringComparison.Ordinal));
    }

    [Fact]
    public void Legs_cut_by_the_picture_edge_in_every_frame_leave_the_recording_not_measured()
    {
        // The picture ends at y = 805: ankles at 800 lie within its 8 px edge margin in every frame.
        var session = new SyntheticSession();
        var frames = session.Build(2, SyntheticSession.Squat(_ => Side.Right, 100, 30)).ConvertAll(f => Cropped(f, 805));
        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat });
        Assert.All(analysis.Frames, m => Assert.Equal(MeasureStatus.OutOfFrame, m.Quality.RightFppaStatus));
        Assert.Empty(analysis.Events);
        Assert.Equal(NotMeasuredReason.OutOfFrame, analysis.Summary.NotMeasured);
        // The lifted free leg still shows the depth, so both reps are found — and neither is measured.
        Assert.Equal(2, analysis.Reps.Length);
        Assert.All(analysis.Reps, r => Assert.Equal(NotMeasuredReason.OutOfFrame, r.NotMeasured));
        Assert.Equal(2, analysis.Summary.RepsNotMeasured);
        Assert.Contains(analysis.Warnings, w => w.StartsWith("2 of 2 reps not measured: the leg was cut by the edge", StringComparison.Ordinal));
    }

    [Fact]
    public void A_drop_jump_with_its_feet_cut_off_is_never_called_a_drop_jump()
    {
        // ExerciseTests' drop jump, seen whole, is recognised; with the picture ending at y = 820 the toes (830 on
        // the floor) are outside, so no landing can be seen.
        var whole = ExerciseTestsDropJump();
        Assert.Equal(Exercise.DropJump, SessionAnalyzer.Analyze(whole, AnalysisSettings.Default).Exercise);
        var cropped = whole.ConvertAll(f => Cropped(f, 820));
        Assert.NotEqual(Exercise.DropJump, SessionAnalyzer.Analyze(cropped, AnalysisSettings.Default).Exercise);
    }

    /// <summary>The same drop jump as <see cref="ExerciseTests"/> (150 px box, 0.25 s flight, 60 px deep landing).</summary>
    private static List<PoseFrame> ExerciseTestsDropJump()
    {
        var frames = new List<PoseFrame>();
        for (int i = 0; i <= 90; i++)
        {
            double t = i / 30.0;
            SyntheticBody body;
            if (t < 1.0)
            {
                body = new SyntheticBody { HipY = 250, LeftAnkleLiftPx = 150, RightAnkleLiftPx = 150 };
            }
            else if (t < 1.25)
            {
                double fall = (t - 1.0) / 0.25;
                body = new SyntheticBody { HipY = 250 + (150 * fall), LeftAnkleLiftPx = (150 * (1 - fall)) + 10, RightAnkleLiftPx = (150 * (1 - fall)) + 10 };
            }
            else
            {
                body = new SyntheticBody { DepthPx = 60 * Math.Sin(Math.PI * Math.Min(1, (t - 1.25) / 1.0)) };
            }

            frames.Add(body.Frame(i, t));
        }

        return frames;
    }
}
