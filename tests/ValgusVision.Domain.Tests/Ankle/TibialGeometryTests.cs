using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Geometry;

namespace ValgusVision.Domain.Tests.Ankle;

public class TibialGeometryTests
{
    [Theory]
    [InlineData(Facing.Right)]
    [InlineData(Facing.Left)]
    public void Vertical_shank_is_zero_whichever_way_the_person_faces(Facing facing) =>
        Assert.Equal(0, TibialInclination.Degrees(new Point2(500, 300), new Point2(500, 500), facing), 9);

    [Fact]
    public void Knee_ahead_of_the_ankle_towards_the_toes_is_positive_and_mirrors()
    {
        // Knee 100 px ahead and 100 px above the ankle: 45°, facing right (knee to the right) or left (knee to the left).
        Assert.Equal(45, TibialInclination.Degrees(new Point2(600, 400), new Point2(500, 500), Facing.Right), 9);
        Assert.Equal(45, TibialInclination.Degrees(new Point2(400, 400), new Point2(500, 500), Facing.Left), 9);

        // The same knee seen by a person facing the other way lies behind the ankle.
        Assert.Equal(-45, TibialInclination.Degrees(new Point2(600, 400), new Point2(500, 500), Facing.Left), 9);
    }

    [Fact]
    public void Thirty_degrees_by_hand()
    {
        // tan 30° = 0.57735: knee 115.47 px ahead of and 200 px above the ankle.
        Assert.Equal(30, TibialInclination.Degrees(new Point2(615.47005, 300), new Point2(500, 500), Facing.Right), 4);
    }

    [Theory]
    [InlineData(Facing.Right, 8)]
    [InlineData(Facing.Right, -8)]
    [InlineData(Facing.Left, 8)]
    [InlineData(Facing.Left, -8)]
    public void A_known_camera_roll_is_taken_off(Facing facing, double rollDeg)
    {
        // A 30° shank photographed by a phone rolled so the floor line falls at rollDeg (clockwise on screen):
        // every image vector is turned by rollDeg; levelling by the floor line gives 30° back.
        double t = 30 * Math.PI / 180, r = rollDeg * Math.PI / 180;
        var shank = new Point2((int)facing * 200 * Math.Sin(t), -200 * Math.Cos(t));
        var seen = new Point2((shank.X * Math.Cos(r)) - (shank.Y * Math.Sin(r)), (shank.X * Math.Sin(r)) + (shank.Y * Math.Cos(r)));
        var ankle = new Point2(640, 600);
        Assert.Equal(30, TibialInclination.Degrees(ankle + seen, ankle, facing, rollDeg), 9);

        // Uncorrected, the roll adds to one facing's angle and takes from the other's: a clockwise roll leans
        // everything right, so a person facing right looks more inclined.
        double raw = TibialInclination.Degrees(ankle + seen, ankle, facing);
        Assert.Equal(30 + ((int)facing * rollDeg), raw, 9);
    }

    [Theory]
    [InlineData(Facing.Right, 30, 0, 30)]
    [InlineData(Facing.Left, -30, 0, 30)]
    [InlineData(Facing.Left, 30, 0, -30)]
    [InlineData(Facing.Right, 38, 8, 30)] // a clockwise roll of 8° adds 8° to the axis seen; levelling takes it off
    [InlineData(Facing.Left, -22, 8, 30)] // the same roll seen facing left: −30° + 8°
    public void Axis_angle_gives_the_same_inclination_as_the_knee_and_ankle_points(Facing facing, double axisDeg, double rollDeg, double expected)
    {
        Assert.Equal(expected, TibialInclination.FromAxis(axisDeg, facing, rollDeg), 9);

        // The same axis drawn as knee and ankle points 200 px apart.
        double a = axisDeg * Math.PI / 180;
        var ankle = new Point2(640, 600);
        var knee = ankle + new Point2(200 * Math.Sin(a), -200 * Math.Cos(a));
        Assert.Equal(TibialInclination.Degrees(knee, ankle, facing, rollDeg), TibialInclination.FromAxis(axisDeg, facing, rollDeg), 9);
    }

    [Fact]
    public void Floor_line_angle_is_the_same_for_either_foot_direction()
    {
        // A line falling 5° to the right (clockwise), drawn heel→toe rightwards or leftwards.
        double dy = 200 * Math.Tan(5 * Math.PI / 180);
        Assert.Equal(5, FloorLine.LineAngleDeg(new Point2(100, 500), new Point2(300, 500 + dy)), 9);
        Assert.Equal(5, FloorLine.LineAngleDeg(new Point2(300, 500 + dy), new Point2(100, 500)), 9);
    }
}
