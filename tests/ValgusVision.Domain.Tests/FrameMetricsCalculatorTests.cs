using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

public class FrameMetricsCalculatorTests
{
    // The synthetic body standing: thigh = shank = 200 px, leg = 400 px, standing mid-hip y = 400.
    private static readonly StandingReference Reference = new(200, 200, 200, 200, 400, 400, 400, 800);

    private static FrameMetrics Compute(SyntheticBody body, Side? stance = Side.Right, AnalysisSettings? settings = null) =>
        new FrameMetricsCalculator(settings ?? AnalysisSettings.Default, Reference).Compute(body.Frame(), stance, 30);

    [Fact]
    public void Standing_straight_has_zero_everything()
    {
        var m = Compute(SyntheticBody.Standing);
        Assert.Equal(0, m.LeftFppaDeg!.Value, 9);
        Assert.Equal(0, m.RightFppaDeg!.Value, 9);
        Assert.Equal(0, m.HipShiftPct!.Value, 9);
        Assert.Equal(0, m.PelvicDropDeg!.Value, 9);
        Assert.Equal(0, m.TrunkLeanDeg!.Value, 9);
        Assert.Equal(0, m.DepthPct!.Value, 9);
        Assert.Equal(0, m.KneeOverFootPct!.Value, 9);
        Assert.Equal(1, m.KneeAnkleSeparationRatio!.Value, 9);
        Assert.Equal(0, m.Quality.BodyYawDeg!.Value, 4);
        Assert.Equal(MeasureStatus.Measured, m.Quality.RightFppaStatus);
    }

    [Fact]
    public void Hip_moving_laterally_over_the_stance_ankle_is_positive_percent_of_leg()
    {
        // Right stance; lateral for the right hip is image −x. 20 px out over a 400 px leg = 5 %.
        var m = Compute(new SyntheticBody { HipShiftPx = -20 });
        Assert.Equal(5.0, m.HipShiftPct!.Value, 4);
        Assert.Equal(-5.0, Compute(new SyntheticBody { HipShiftPx = 20 }).HipShiftPct!.Value, 4);
    }

    [Fact]
    public void Hip_shift_in_centimetres_scales_by_height()
    {
        // 180 cm person: leg = 0.491 × 180 = 88.38 cm over 400 px; 20 px = 4.419 cm.
        var m = Compute(new SyntheticBody { HipShiftPx = -20 }, settings: AnalysisSettings.Default with { HeightCm = 180 });
        Assert.Equal(20 * 0.491 * 180 / 400, m.HipShiftCm!.Value, 6);
    }

    [Fact]
    public void Free_side_hip_lower_is_positive_pelvic_drop()
    {
        // Right stance, left hip 10 px lower across 100 px: atan(0.1) = 5.7106°.
        Assert.Equal(5.710593137499643, Compute(new SyntheticBody { LeftHipDropPx = 10 }).PelvicDropDeg!.Value, 6);
        Assert.Equal(-5.710593137499643, Compute(new SyntheticBody { RightHipDropPx = 10 }).PelvicDropDeg!.Value, 6);
    }

    [Fact]
    public void Trunk_leaning_towards_the_stance_side_is_positive()
    {
        // Right stance is image −x; shoulders 300 px above, shifted 300·tan 10° towards the image left.
        var m = Compute(new SyntheticBody { ShoulderShiftPx = -300 * Math.Tan(10 * Math.PI / 180) });
        Assert.Equal(10.0, m.TrunkLeanDeg!.Value, 4);
        Assert.Equal(-10.0, Compute(new SyntheticBody { ShoulderShiftPx = -300 * Math.Tan(10 * Math.PI / 180) }, Side.Left).TrunkLeanDeg!.Value, 4);
    }

    [Fact]
    public void Knee_medial_of_the_foot_centre_is_positive_percent_of_shank()
    {
        // Right knee 30 px medial of the midpoint of hip and ankle (which sit on the foot's vertical): 30/200 = 15 %.
        var m = Compute(new SyntheticBody { RightKneeMedialPx = 30 });
        Assert.Equal(15.0, m.KneeOverFootPct!.Value, 4);
        Assert.Equal(7.5, m.KneeValgusShiftPct!.Value, 4);
    }

    [Fact]
    public void Depth_is_mid_hip_drop_in_percent_of_leg()
    {
        Assert.Equal(15.0, Compute(new SyntheticBody { DepthPx = 60 }).DepthPct!.Value, 6);
    }

    [Fact]
    public void Knee_ankle_separation_ratio_is_knee_distance_over_ankle_distance()
    {
        // Knees each 10 px medial: 80 px apart over ankles 100 px apart.
        Assert.Equal(0.8, Compute(new SyntheticBody { LeftKneeMedialPx = 10, RightKneeMedialPx = 10 }).KneeAnkleSeparationRatio!.Value, 6);
    }

    [Fact]
    public void Missing_landmark_gives_undefined_metrics_not_nan()
    {
        var m = Compute(SyntheticBody.Standing.Hide(BodyLandmark.RightKnee));
        Assert.Null(m.RightFppaDeg);
        Assert.Equal(MeasureStatus.LowVisibility, m.Quality.RightFppaStatus);
        Assert.Null(m.KneeOverFootPct);
        Assert.Null(m.KneeValgusShiftPct);
        Assert.Null(m.KneeAnkleSeparationRatio);
        Assert.NotNull(m.LeftFppaDeg);
        Assert.NotNull(m.HipShiftPct);
    }

    [Fact]
    public void Nan_coordinates_give_undefined_metrics_not_nan()
    {
        var frame = SyntheticBody.Standing.Frame();
        var landmarks = frame.Landmarks.ToBuilder();
        landmarks[(int)BodyLandmark.LeftHip] = landmarks[(int)BodyLandmark.LeftHip] with { X = float.NaN };
        var world = frame.WorldLandmarks.ToBuilder();
        world[(int)BodyLandmark.LeftShoulder] = world[(int)BodyLandmark.LeftShoulder] with { Z = float.NaN };
        var broken = frame with { Landmarks = landmarks.ToImmutable(), WorldLandmarks = world.ToImmutable() };
        var m = new FrameMetricsCalculator(AnalysisSettings.Default, Reference).Compute(broken, Side.Right, 30);
        foreach (var value in new[] { m.LeftFppaDeg, m.RightFppaDeg, m.HipShiftPct, m.PelvicDropDeg, m.TrunkLeanDeg, m.TrunkFlexionDeg, m.DepthPct, m.Quality.BodyYawDeg, m.LeftKneeFrontal3dDeg })
        {
            Assert.True(value is null || double.IsFinite(value.Value));
        }

        Assert.Null(m.RightFppaDeg); // needs the left hip to know which way is medial
        Assert.Null(m.DepthPct);
    }

    [Fact]
    public void Thigh_shorter_than_35_percent_of_standing_is_foreshortened_and_undefined()
    {
        // Depth 300 px puts the hip at y 700 and the knee midway to the ankle at 750: thigh 50 px = 25 % of 200.
        var m = Compute(new SyntheticBody { DepthPx = 300 });
        Assert.Null(m.RightFppaDeg);
        Assert.Equal(MeasureStatus.Foreshortened, m.Quality.RightFppaStatus);
        Assert.Equal(0.25, m.Quality.Foreshortening.RightThighRatio!.Value, 6);

        // Depth 200 px: hip at 600, knee at 700, thigh 100 px = 50 %: still measured.
        Assert.NotNull(Compute(new SyntheticBody { DepthPx = 200 }).RightFppaDeg);
    }

    [Fact]
    public void Body_turned_more_than_15_degrees_warns()
    {
        var turned = Compute(new SyntheticBody { YawDeg = 30 });
        Assert.Equal(30, turned.Quality.BodyYawDeg!.Value, 3);
        Assert.True(turned.Quality.ViewWarning);
        var slight = Compute(new SyntheticBody { YawDeg = -10 });
        Assert.Equal(-10, slight.Quality.BodyYawDeg!.Value, 3);
        Assert.False(slight.Quality.ViewWarning);
    }

    [Fact]
    public void Knee_frontal_3d_angle_matches_fppa_facing_the_camera_and_ignores_yaw()
    {
        var facing = Compute(new SyntheticBody { RightKneeMedialPx = 20 });
        Assert.Equal(facing.RightFppaDeg!.Value, facing.RightKneeFrontal3dDeg!.Value, 3);
        var turned = Compute(new SyntheticBody { RightKneeMedialPx = 20, YawDeg = 40 });
        Assert.Equal(facing.RightFppaDeg!.Value, turned.RightKneeFrontal3dDeg!.Value, 3);
    }

    [Fact]
    public void Trunk_flexion_comes_from_world_landmarks()
    {
        Assert.Equal(45, Compute(new SyntheticBody { TrunkFlexionDeg = 45 }).TrunkFlexionDeg!.Value, 3);
        Assert.Equal(45, Compute(new SyntheticBody { TrunkFlexionDeg = 45, YawDeg = 20 }).TrunkFlexionDeg!.Value, 3);
    }

    [Fact]
    public void No_pose_gives_an_empty_frame()
    {
        var m = new FrameMetricsCalculator(AnalysisSettings.Default, Reference).Compute(PoseFrame.NoPose(3, 0.1, 1000, 1000), null, 30);
        Assert.False(m.HasPose);
        Assert.Null(m.LeftFppaDeg);
        Assert.Null(m.DepthPct);
        Assert.Equal(MeasureStatus.NoPose, m.Quality.LeftFppaStatus);
    }

    [Fact]
    public void Stance_is_the_leg_with_the_clearly_lower_ankle()
    {
        var calculator = new FrameMetricsCalculator(AnalysisSettings.Default, Reference);
        Assert.Equal(Side.Right, calculator.StanceFromAnkles(SyntheticBody.OnLeg(Side.Right).Frame()));
        Assert.Equal(Side.Left, calculator.StanceFromAnkles(SyntheticBody.OnLeg(Side.Left).Frame()));

        // 4 % of leg length (16 px) is inside the 5 % margin: both feet count as down.
        Assert.Null(calculator.StanceFromAnkles(new SyntheticBody { LeftAnkleLiftPx = 16 }.Frame()));
    }
}
