using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Geometry;

namespace ValgusVision.Domain.Tests;

public class KneeFrontalPlaneAngleTests
{
    // A leg hanging straight down from (0, 0) to (0, 200) with the other hip at (100, 0): medial is +x.
    private static readonly Point2 Hip = new(0, 0);
    private static readonly Point2 Ankle = new(0, 200);
    private static readonly Point2 OtherHip = new(100, 0);

    [Fact]
    public void Straight_leg_has_zero_fppa()
    {
        Assert.Equal(0.0, KneeFrontalPlaneAngle.Degrees(Hip, new Point2(0, 100), Ankle, OtherHip)!.Value, 12);
    }

    [Theory]
    // Knee at (d, 100): knee→hip (−d, −100), knee→ankle (−d, 100); included angle 180° − 2·atan(d/100), so FPPA = 2·atan(d/100).
    [InlineData(8.7488663525924010, 10.0)] // d = 100·tan 5°
    [InlineData(57.735026918962584, 60.0)] // d = 100/√3 = 100·tan 30°
    [InlineData(100.0, 90.0)] // the two segments at right angles
    public void Knee_displaced_medially_by_known_amount_gives_known_angle(double medialPx, double expectedDeg)
    {
        Assert.Equal(expectedDeg, KneeFrontalPlaneAngle.Degrees(Hip, new Point2(medialPx, 100), Ankle, OtherHip)!.Value, 9);
    }

    [Fact]
    public void Knee_medial_to_hip_ankle_line_is_valgus_and_lateral_is_varus_negative()
    {
        Assert.True(KneeFrontalPlaneAngle.Degrees(Hip, new Point2(10, 100), Ankle, OtherHip) > 0);
        Assert.Equal(-10.0, KneeFrontalPlaneAngle.Degrees(Hip, new Point2(-8.7488663525924010, 100), Ankle, OtherHip)!.Value, 9);
    }

    [Fact]
    public void Medial_offset_is_the_perpendicular_distance_signed_medial()
    {
        Assert.Equal(12.5, KneeFrontalPlaneAngle.MedialOffset(Hip, new Point2(12.5, 100), Ankle, OtherHip)!.Value, 12);
        Assert.Equal(-7.0, KneeFrontalPlaneAngle.MedialOffset(Hip, new Point2(-7, 30), Ankle, OtherHip)!.Value, 12);
    }

    [Fact]
    public void Mirrored_legs_give_equal_values()
    {
        var body = new SyntheticBody { LeftKneeMedialPx = 20, RightKneeMedialPx = 20 };
        var metrics = new FrameMetricsCalculator(AnalysisSettings.Default, StandingReference.None).Compute(body.Frame(), null, 30);

        // 20 px over a 200 px half-leg: 2·atan(20/200) = 11.4212°.
        Assert.Equal(2 * Math.Atan(0.1) * 180 / Math.PI, metrics.LeftFppaDeg!.Value, 4);
        Assert.Equal(metrics.LeftFppaDeg!.Value, metrics.RightFppaDeg!.Value, 9);
    }

    [Fact]
    public void Mirroring_the_image_keeps_the_sign()
    {
        var knee = new Point2(10, 100);
        static Point2 Mirror(Point2 p) => new(-p.X, p.Y);
        Assert.Equal(
            KneeFrontalPlaneAngle.Degrees(Hip, knee, Ankle, OtherHip)!.Value,
            KneeFrontalPlaneAngle.Degrees(Mirror(Hip), Mirror(knee), Mirror(Ankle), Mirror(OtherHip))!.Value,
            9);
    }

    [Fact]
    public void Coinciding_points_or_other_hip_on_the_line_are_undefined()
    {
        Assert.Null(KneeFrontalPlaneAngle.Degrees(Hip, Hip, Ankle, OtherHip));
        Assert.Null(KneeFrontalPlaneAngle.Degrees(Hip, new Point2(5, 100), Ankle, new Point2(0, 50)));
    }

    [Property(MaxTest = 300)]
    public Property Fppa_is_invariant_to_translation_scale_and_rotation(
        int hx, int hy, int kx, int ky, int ax, int ay, int ox, int oy, int tx, int ty, PositiveInt scalePercent, int rotationDeg)
    {
        var hip = new Point2(hx, hy);
        var knee = new Point2(kx, ky);
        var ankle = new Point2(ax, ay);
        var other = new Point2(ox, oy);
        var before = KneeFrontalPlaneAngle.Degrees(hip, knee, ankle, other);

        // Keep configurations away from the degenerate ones where the sign or the angle is not defined.
        bool wellPosed = before is not null
            && Point2.Distance(hip, knee) >= 1 && Point2.Distance(knee, ankle) >= 1
            && Point2.Distance(hip, ankle) >= 1
            && Math.Abs(Point2.Cross(ankle - hip, other - hip)) / Point2.Distance(hip, ankle) >= 1
            && Math.Abs(Point2.Cross(ankle - hip, knee - hip)) / Point2.Distance(hip, ankle) >= 1; // a knee on the line folded back (±180°) has no side
        double scale = scalePercent.Get / 100.0;
        double theta = rotationDeg * Math.PI / 180;
        Point2 Move(Point2 p) => new(
            (((p.X * Math.Cos(theta)) - (p.Y * Math.Sin(theta))) * scale) + tx,
            (((p.X * Math.Sin(theta)) + (p.Y * Math.Cos(theta))) * scale) + ty);
        return Prop.When(wellPosed, () =>
        {
            var after = KneeFrontalPlaneAngle.Degrees(Move(hip), Move(knee), Move(ankle), Move(other));
            return after is { } a && Math.Abs(a - before!.Value) < 1e-6;
        });
    }
}
