using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

/// <summary>
/// The per-frame plausibility rules (issue 19): each case is worked out by hand on <see cref="SyntheticBody"/>
/// (thigh = shank = 200 px, leg 400 px, picture 1000 × 1000 px, so the 1 % edge margin is 10 px).
/// </summary>
public class PlausibilityTests
{
    private static readonly StandingReference Reference = new(200, 200, 200, 200, 400, 400, 400, 800);

    private static FrameMetrics Compute(PoseFrame frame, PoseFrame? previous = null) =>
        new FrameMetricsCalculator(AnalysisSettings.Default, Reference).Compute(frame, Side.Right, 30, previous: previous);

    private static PoseFrame Move(PoseFrame frame, BodyLandmark landmark, double x, double y)
    {
        var landmarks = frame.Landmarks.ToBuilder();
        landmarks[(int)landmark] = landmarks[(int)landmark] with { X = (float)x, Y = (float)y };
        return frame with { Landmarks = landmarks.ToImmutable() };
    }

    private static double Degrees(double radians) => radians * 180 / Math.PI;

    [Fact]
    public void A_knee_angle_within_45_degrees_is_measured_and_one_beyond_it_is_implausible()
    {
        // Knee m px medial of the middle of a 400 px hip–ankle line: FPPA = 2·atan(m / 200).
        var within = Compute(new SyntheticBody { RightKneeMedialPx = 80 }.Frame());
        Assert.Equal(MeasureStatus.Measured, within.Quality.RightFppaStatus);
        Assert.Equal(Degrees(2 * Math.Atan(0.4)), within.RightFppaDeg!.Value, 4); // 43.6°

        var beyond = Compute(new SyntheticBody { RightKneeMedialPx = 100 }.Frame()); // 53.1°
        Assert.Equal(MeasureStatus.Implausible, beyond.Quality.RightFppaStatus);
        Assert.Equal(ImplausibleReason.AngleBeyondBound, beyond.Quality.RightImplausible);
        Assert.Null(beyond.RightFppaDeg);

        // A varus reading beyond −45° is as implausible.
        var varus = Compute(new SyntheticBody { RightKneeMedialPx = -100 }.Frame());
        Assert.Equal(ImplausibleReason.AngleBeyondBound, varus.Quality.RightImplausible);
        Assert.Equal(ImplausibleReason.None, varus.Quality.LeftImplausible);
    }

    [Fact]
    public void An_ankle_above_the_knee_is_a_shank_pointing_up()
    {
        // Right knee at (450, 600): the ankle put at (450, 590) lies 10 px above it.
        var frame = Move(SyntheticBody.Standing.Frame(), BodyLandmark.RightAnkle, 450, 590);
        var m = Compute(frame);
        Assert.Equal(MeasureStatus.Implausible, m.Quality.RightFppaStatus);
        Assert.Equal(ImplausibleReason.ShankPointsUp, m.Quality.RightImplausible);
        Assert.Equal(MeasureStatus.Measured, m.Quality.LeftFppaStatus);
    }

    [Fact]
    public void A_shank_longer_than_1_3_times_standing_is_implausible_and_one_just_below_is_measured()
    {
        // Standing shank 200 px: 1.3 × 200 = 260. Ankle 270 px below the knee → too long; 250 px → measured.
        var tooLong = Compute(Move(SyntheticBody.Standing.Frame(), BodyLandmark.RightAnkle, 450, 870));
        Assert.Equal(ImplausibleReason.LimbTooLong, tooLong.Quality.RightImplausible);
        var longer = Compute(Move(SyntheticBody.Standing.Frame(), BodyLandmark.RightAnkle, 450, 850));
        Assert.Equal(MeasureStatus.Measured, longer.Quality.RightFppaStatus);
    }

    [Fact]
    public void A_joint_faster_than_six_leg_lengths_per_second_is_implausible()
    {
        // 1/30 s between frames, leg 400 px: 6 legs/s allows 80 px. The whole body moved 100 px (7.5 legs/s) → too
        // fast; 60 px (4.5 legs/s) → measured.
        var before = SyntheticBody.Standing.Frame(0, 0);
        var jumped = Compute(new SyntheticBody { CenterX = 600 }.Frame(1, 1 / 30.0), before);
        Assert.Equal(ImplausibleReason.JointTooFast, jumped.Quality.RightImplausible);
        Assert.Equal(ImplausibleReason.JointTooFast, jumped.Quality.LeftImplausible);
        var moved = Compute(new SyntheticBody { CenterX = 560 }.Frame(1, 1 / 30.0), before);
        Assert.Equal(MeasureStatus.Measured, moved.Quality.RightFppaStatus);

        // The same 100 px over a second is slow: the rule is a speed, not a distance.
        Assert.Equal(MeasureStatus.Measured, Compute(new SyntheticBody { CenterX = 600 }.Frame(30, 1.0), before).Quality.RightFppaStatus);
    }

    [Fact]
    public void A_joint_on_or_beyond_the_picture_edge_is_out_of_frame()
    {
        // Edge margin 1 % of 1000 px = 10 px: an ankle at y = 995 is on the edge, at 1010 outside, at 985 inside.
        Assert.Equal(MeasureStatus.OutOfFrame, Compute(Move(SyntheticBody.Standing.Frame(), BodyLandmark.RightAnkle, 450, 995)).Quality.RightFppaStatus);
        Assert.Equal(MeasureStatus.OutOfFrame, Compute(Move(SyntheticBody.Standing.Frame(), BodyLandmark.RightKnee, -5, 600)).Quality.RightFppaStatus);
        Assert.NotEqual(MeasureStatus.OutOfFrame, Compute(Move(SyntheticBody.Standing.Frame(), BodyLandmark.RightAnkle, 450, 985)).Quality.RightFppaStatus);
    }

    [Fact]
    public void Standing_lengths_come_only_from_straight_legs_inside_the_picture()
    {
        var standing = SyntheticBody.Standing.Frame(0, 0);

        // A bent leg with long segments (knee 150 px medial: thigh = shank = 250 px, hip–ankle 400 < 0.97 × 500) and
        // a leg whose ankle is cut by the edge must not set the scale, however often they occur.
        var bent = new SyntheticBody { RightKneeMedialPx = 150, LeftKneeMedialPx = 150 }.Frame(1, 0.1);
        var cut = Move(Move(new SyntheticBody { HipY = 500 }.Frame(2, 0.2), BodyLandmark.RightAnkle, 450, 1000), BodyLandmark.LeftAnkle, 550, 1000);
        var frames = new List<PoseFrame> { standing };
        for (int i = 0; i < 10; i++)
        {
            frames.Add(bent);
            frames.Add(cut);
        }

        var reference = StandingReference.FromFrames(frames, 0.5);
        Assert.Equal(200, reference.RightThighPx!.Value, 6);
        Assert.Equal(200, reference.LeftShankPx!.Value, 6);
        Assert.Equal(400, reference.RightLegPx!.Value, 6);
    }

    [Fact]
    public void Implausible_frames_never_reach_a_rep_or_an_event()
    {
        // Three right-leg squats with a real 12 px valgus at the bottom; in the middle rep the model "finds" the knee
        // 150 px medial for a few frames around the bottom (a −/+ 60° reading). Those frames are implausible, so no
        // event and no FPPA at the bottom come from them.
        var session = new SyntheticSession();
        var frames = session.Build(3, SyntheticSession.Squat(_ => Side.Right, 100, 12));
        int bottom = (int)Math.Round(session.BottomTime(1) * session.FramesPerSecond);
        for (int i = bottom - 3; i <= bottom + 3; i++)
        {
            var knee = frames[i][BodyLandmark.RightKnee];
            frames[i] = Move(frames[i], BodyLandmark.RightKnee, knee.X + 150, knee.Y);
        }

        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat });
        Assert.Equal(3, analysis.Reps.Length);
        for (int i = bottom - 3; i <= bottom + 3; i++)
        {
            Assert.Equal(MeasureStatus.Implausible, analysis.Frames[i].Quality.RightFppaStatus);
            Assert.Null(analysis.Frames[i].RightFppaDeg);
        }

        Assert.Equal(NotMeasuredReason.Implausible, analysis.Reps[1].NotMeasured);
        Assert.StartsWith("Not measured:", analysis.Reps[1].Verdict, StringComparison.Ordinal);
        Assert.All(analysis.Events, e => Assert.True(e.PeakFppaDeg <= 45));
        Assert.Null(analysis.Reps[0].NotMeasured);
        Assert.Equal(1, analysis.Summary.RepsNotMeasured);
        Assert.Equal(NotMeasuredReason.Implausible, analysis.Summary.NotMeasured);
    }
}
