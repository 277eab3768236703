using ValgusVision.Domain.Ankle;

namespace ValgusVision.Domain.Tests.Ankle;

public class FloorAndViewTests
{
    private static readonly AnkleLungeSettings Settings = AnkleLungeSettings.Default;

    [Fact]
    public void Floor_within_the_dead_band_is_level_and_not_corrected()
    {
        var floor = FloorLine.Estimate([1.9, 2.0, 2.1, 2.0, 2.2], Settings);
        Assert.Equal(FloorTiltStatus.Level, floor.Status);
        Assert.Equal(2.0, floor.TiltDeg!.Value, 9);
        Assert.Equal(0, floor.CorrectionDeg);
    }

    [Fact]
    public void Tilted_floor_is_corrected_by_the_median()
    {
        var floor = FloorLine.Estimate([7.5, 8.0, 8.5, 8.0, 30.0], Settings);
        Assert.Equal(FloorTiltStatus.Corrected, floor.Status);
        Assert.Equal(8.0, floor.CorrectionDeg, 9);
    }

    [Fact]
    public void A_wandering_floor_line_is_unreliable_and_not_corrected()
    {
        var floor = FloorLine.Estimate([-2, 6, -1, 7, 0, 8], Settings);
        Assert.Equal(FloorTiltStatus.Unreliable, floor.Status);
        Assert.Equal(0, floor.CorrectionDeg);
    }

    [Fact]
    public void An_implausible_tilt_is_unreliable() =>
        Assert.Equal(FloorTiltStatus.Unreliable, FloorLine.Estimate([25, 25, 25], Settings).Status);

    [Fact]
    public void No_standing_feet_give_an_unknown_floor() =>
        Assert.Equal(FloorTiltStatus.Unknown, FloorLine.Estimate([], Settings).Status);

    [Theory]
    [InlineData(90, true)]
    [InlineData(-90, true)]
    [InlineData(70, true)]
    [InlineData(110, true)]
    [InlineData(0, false)]
    [InlineData(180, false)]
    [InlineData(45, false)]
    [InlineData(-150, false)]
    public void Side_view_is_the_reverse_of_the_frontal_check(double yawDeg, bool sideOn) =>
        Assert.Equal(sideOn, SideView.IsSideOn(yawDeg, Settings));
}
