using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests.Ankle;

public class AnkleLungeAnalyzerTests
{
    private static readonly AnalysisSettings Lunge = AnalysisSettings.Default with { Exercise = Exercise.AnkleLunge };

    private static AnkleLungeResult Analyze(List<Pose.PoseFrame> frames) => SessionAnalyzer.Analyze(frames, Lunge).Ankle!;

    [Fact]
    public void Three_attempts_give_each_peak_and_the_best_with_its_verdict()
    {
        var result = Analyze(SyntheticLunge.Session(new SyntheticLunge(), [38, 42, 40]));
        Assert.Empty(result.Problems);
        var left = Assert.IsType<AnkleSideResult>(result.Left);
        Assert.Null(result.Right);
        Assert.Equal([38.0, 42.0, 40.0], left.Attempts.Select(a => Math.Round(a.InclinationDeg!.Value, 4)));
        Assert.Equal(42, left.BestInclinationDeg!.Value, 4);
        Assert.Equal(2, left.BestAttemptNumber);
        Assert.Equal(AnkleVerdict.WithinNormal, left.Verdict);
        Assert.Equal(42 / 3.6, left.ToeToWallApproxCm!.Value, 4);
        Assert.Contains("approximate", left.Sentence, StringComparison.Ordinal);
        Assert.Null(result.DifferenceDeg);
    }

    [Theory]
    [InlineData(Facing.Right, 0)]
    [InlineData(Facing.Left, 0)]
    [InlineData(Facing.Right, 6)]
    public void Silhouette_axis_is_measured_instead_of_the_flattened_landmark_line(Facing facing, double rollDeg)
    {
        // The model's knee–ankle line reads 5° flat; the silhouette's centreline is true until the far leg hides the
        // back edge from 25° on, where the shin, turned by the offset learnt while both were seen, takes over.
        var body = new SyntheticLunge { Facing = facing, LandmarkBiasDeg = 5, Silhouette = true, CentreHiddenFromDeg = 25, CameraRollDeg = rollDeg };
        var withLandmarks = Analyze(SyntheticLunge.Session(body with { Silhouette = false }, [30, 32]));
        var withSilhouette = Analyze(SyntheticLunge.Session(body, [30, 32]));

        Assert.Equal(27, withLandmarks.Left!.BestInclinationDeg!.Value, 0.5);
        Assert.Equal([30.0, 32.0], withSilhouette.Left!.Attempts.Select(a => Math.Round(a.InclinationDeg!.Value, 4)));
    }

    [Fact]
    public void Mirrored_person_facing_left_on_the_right_leg_measures_the_same_and_is_restricted()
    {
        var result = Analyze(SyntheticLunge.Session(new SyntheticLunge { Facing = Facing.Left, Front = Side.Right }, [30, 30, 30]));
        var right = Assert.IsType<AnkleSideResult>(result.Right);
        Assert.Null(result.Left);
        Assert.Equal(30, right.BestInclinationDeg!.Value, 4);
        Assert.Equal(AnkleVerdict.Restricted, right.Verdict);
    }

    [Fact]
    public void Attempt_with_heel_lift_is_reported_as_such_not_as_range()
    {
        // 40 px heel lift on a 200 px foot: the heel rises 20 %, the ankle about 15 %.
        var result = Analyze(SyntheticLunge.Session(new SyntheticLunge(), [40, 48, 41], heelLiftPx: 40, liftAttempts: [2]));
        var left = result.Left!;
        Assert.False(left.Attempts[0].HeelLift);
        Assert.True(left.Attempts[1].HeelLift);
        Assert.Null(left.Attempts[1].InclinationDeg);
        Assert.Equal("heel lift", left.Attempts[1].Problem);
        Assert.Equal(41, left.BestInclinationDeg!.Value, 4);
        Assert.Equal(1, left.HeelLiftAttempts);
        Assert.Contains(result.Frames, f => f.HeelLifted);
    }

    [Fact]
    public void Small_heel_rise_below_the_threshold_is_no_lift()
    {
        // 10 px on a 200 px foot: 5 %, under the 10 % threshold.
        var result = Analyze(SyntheticLunge.Session(new SyntheticLunge(), [40], heelLiftPx: 10, liftAttempts: [1]));
        Assert.False(result.Left!.Attempts[0].HeelLift);
    }

    [Fact]
    public void Tilted_phone_is_corrected_from_the_floor_line_and_said()
    {
        var result = Analyze(SyntheticLunge.Session(new SyntheticLunge { CameraRollDeg = 8 }, [40, 40, 40]));
        Assert.Equal(40, result.Left!.BestInclinationDeg!.Value, 4);
        Assert.Equal(FloorTiltStatus.Corrected, result.Left.Floor.Status);
        Assert.Equal(8, result.Left.Floor.TiltDeg!.Value, 4);
        Assert.Contains(result.Problems, p => p.Contains("tilted 8.0°", StringComparison.Ordinal));
    }

    [Fact]
    public void Both_legs_in_one_session_give_the_difference_and_flag_the_restricted_side()
    {
        // Left leg in front facing right, then the person turns round: right leg in front facing left.
        var frames = SyntheticLunge.Session(new SyntheticLunge(), [42, 42, 42]);
        SyntheticLunge.Session(new SyntheticLunge { Facing = Facing.Left, Front = Side.Right }, [30, 30, 30], append: frames);
        var result = Analyze(frames);
        Assert.Equal(42, result.Left!.BestInclinationDeg!.Value, 4);
        Assert.Equal(30, result.Right!.BestInclinationDeg!.Value, 4);
        Assert.Equal(12, result.DifferenceDeg!.Value, 4);
        Assert.True(result.Asymmetric);
        Assert.Contains("right ankle bends less", result.DifferenceSentence, StringComparison.Ordinal);
        Assert.Equal(AnkleVerdict.Restricted, result.Right.Verdict);
        Assert.Equal(AnkleVerdict.WithinNormal, result.Left.Verdict);
    }

    [Fact]
    public void Difference_within_the_detectable_change_is_not_an_asymmetry()
    {
        var frames = SyntheticLunge.Session(new SyntheticLunge(), [40]);
        SyntheticLunge.Session(new SyntheticLunge { Facing = Facing.Left, Front = Side.Right }, [37], append: frames);
        var result = Analyze(frames);
        Assert.Equal(3, result.DifferenceDeg!.Value, 4);
        Assert.False(result.Asymmetric);
    }

    [Fact]
    public void Frontal_video_gets_one_clear_line_and_no_angle()
    {
        var result = Analyze(SyntheticLunge.Session(new SyntheticLunge { YawDeg = 5 }, [40, 40]));
        Assert.Null(result.Left);
        Assert.Null(result.Right);
        Assert.Empty(result.AllAttempts);
        var line = Assert.Single(result.Problems);
        Assert.Contains("faced the camera", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Feet_out_of_frame_get_one_clear_line_and_no_angle()
    {
        var result = Analyze(SyntheticLunge.Session(new SyntheticLunge { FootVisibility = 0.1f }, [40, 40]));
        Assert.Empty(result.AllAttempts);
        Assert.Contains("out of the frame", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void No_heel_visible_gives_no_angle_and_says_why()
    {
        var result = Analyze(SyntheticLunge.Session(new SyntheticLunge(), [40]).Select(f => Hide(f, Pose.BodyLandmark.LeftHeel)).ToList());
        Assert.Null(result.Left?.BestInclinationDeg);
        Assert.NotEmpty(result.Problems);
        Assert.All(result.AllAttempts, a => Assert.Null(a.InclinationDeg));
    }

    [Fact]
    public void Standing_still_is_no_forward_lunge()
    {
        var result = Analyze(SyntheticLunge.Session(new SyntheticLunge(), [], standSeconds: 4));
        Assert.Empty(result.AllAttempts);
        Assert.Contains("no forward lunge", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Lunge_session_has_no_rep_or_frontal_view_warnings()
    {
        var analysis = SessionAnalyzer.Analyze(SyntheticLunge.Session(new SyntheticLunge(), [40]), Lunge);
        Assert.Empty(analysis.Warnings);
        Assert.Empty(analysis.Reps);
    }

    private static Pose.PoseFrame Hide(Pose.PoseFrame frame, Pose.BodyLandmark landmark)
    {
        var landmarks = frame.Landmarks.ToArray();
        landmarks[(int)landmark] = landmarks[(int)landmark] with { Visibility = 0.1f };
        return frame with { Landmarks = [.. landmarks] };
    }
}
