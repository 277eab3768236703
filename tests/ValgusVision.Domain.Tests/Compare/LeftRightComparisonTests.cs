using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Compare;
using ValgusVision.Domain.Pose;
using static ValgusVision.Domain.Tests.Compare.CompareSessions;

namespace ValgusVision.Domain.Tests.Compare;

public class LeftRightComparisonTests
{
    [Fact]
    public void Difference_is_right_minus_left_of_the_means_and_the_larger_angle_is_the_worse_side()
    {
        // Left 14.4°, right 2.6°: right − left = −11.8°; hip 6.9 % and 7.3 %: +0.4 %.
        var c = LeftRightComparison.Of(Of("L", Side.Left, 14.4, hip: 6.9), Of("R", Side.Right, 2.6, hip: 7.3));
        Assert.Equal(-11.8, c.FppaDiffDeg!.Value, 9);
        Assert.Equal(0.4, c.HipShiftDiffPct!.Value, 9);
        Assert.Equal(Side.Left, c.WorseSide);
        Assert.Null(c.NotComparedReason);
    }

    [Fact]
    public void The_order_of_the_recordings_does_not_matter()
    {
        var c = LeftRightComparison.Of(Of("R", Side.Right, 9.0), Of("L", Side.Left, 4.0));
        Assert.Equal("L", c.Left.Session.Source);
        Assert.Equal("R", c.Right.Session.Source);
        Assert.Equal(5.0, c.FppaDiffDeg!.Value, 9);
        Assert.Equal(Side.Right, c.WorseSide);
    }

    [Theory]
    [InlineData(5.0, 5.9, null)] // 0.9° apart: under the 1° a single report also calls "alike"
    [InlineData(5.0, 6.0, Side.Right)] // exactly 1°: worse
    [InlineData(7.0, 6.0, Side.Left)]
    public void Worse_side_needs_a_difference_of_at_least_one_degree(double left, double right, Side? worse)
    {
        var c = LeftRightComparison.Of(Of("L", Side.Left, left), Of("R", Side.Right, right));
        Assert.Equal(worse, c.WorseSide);
    }

    [Fact]
    public void An_untrusted_leg_is_never_compared_and_says_why()
    {
        var turned = new MeasurementTrust(false, "not a frontal view (body turned up to 22° from the camera)");
        var c = LeftRightComparison.Of(Of("L", Side.Left, 40.3, trust: turned, hip: 9), Of("R", Side.Right, 2.6, hip: 7));
        Assert.Null(c.FppaDiffDeg);
        Assert.Null(c.HipShiftDiffPct);
        Assert.Null(c.WorseSide);
        Assert.Equal("left leg: not a frontal view (body turned up to 22° from the camera)", c.NotComparedReason);
        Assert.False(c.Left.Trust.IsTrusted);
        Assert.True(c.Right.Trust.IsTrusted);
        Assert.Equal(40.3, c.Left.Measures.FppaAtBottom.Mean); // the number is kept, to be shown grey
    }

    [Fact]
    public void A_leg_without_a_measured_angle_is_unknown_even_in_a_trusted_recording()
    {
        var c = LeftRightComparison.Of(Of("L", Side.Left, null), Of("R", Side.Right, 3.0));
        Assert.Equal("left leg: no rep's knee angle was measured", c.NotComparedReason);
    }

    [Fact]
    public void The_same_leg_twice_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => LeftRightComparison.Of(Of("a", Side.Left, 5), Of("b", Side.Left, 6)));
        Assert.Contains("both of the left leg", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recording_without_a_known_leg_is_taken_as_the_other_one_with_a_note()
    {
        var unknown = Of("u", Side.Left, null, reps: 0);
        var c = LeftRightComparison.Of(unknown, Of("R", Side.Right, 3.0));
        Assert.Equal("u", c.Left.Session.Source);
        Assert.Contains(c.Notes, n => n.Contains("taken as the left leg", StringComparison.Ordinal));
        Assert.Equal("left leg: this leg was not tested", c.NotComparedReason);
        Assert.Throws<ArgumentException>(() => LeftRightComparison.Of(unknown, Of("v", Side.Left, null, reps: 0)));
    }

    [Fact]
    public void Other_exercises_other_people_and_the_lunge_test_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LeftRightComparison.Of(Of("a", Side.Left, 5), Of("b", Side.Right, 6, exercise: "hinge")));
        var e = Assert.Throws<ArgumentException>(() => LeftRightComparison.Of(Of("a", Side.Left, 5, client: "Anna Berg"), Of("b", Side.Right, 6, client: "Ben Ode")));
        Assert.Contains("different people", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LeftRightComparison.Of(Of("a", Side.Left, 5, exercise: "ankle-lunge"), Of("b", Side.Right, 6, exercise: "ankle-lunge")));
    }

    [Fact]
    public void One_named_client_beside_an_unnamed_report_is_that_client()
    {
        var c = LeftRightComparison.Of(Of("a", Side.Left, 5, client: " anna  Berg "), Of("b", Side.Right, 6));
        Assert.Equal("anna  Berg", c.Client);
        Assert.Equal("Anna Berg", SameClient.Of([Of("a", Side.Left, 5, client: "Anna Berg"), Of("b", Side.Right, 6, client: "anna  berg")]));
    }

    [Fact]
    public void Different_limits_and_dates_far_apart_are_noted()
    {
        var c = LeftRightComparison.Of(Of("L", Side.Left, 5, limit: 8), Of("R", Side.Right, 6, day: 15));
        Assert.Contains(c.Notes, n => n.Contains("different limits (8° left, 10° right)", StringComparison.Ordinal));
        Assert.Contains(c.Notes, n => n.Contains("15 days apart", StringComparison.Ordinal));
        Assert.Empty(LeftRightComparison.Of(Of("L", Side.Left, 5), Of("R", Side.Right, 6, day: 14)).Notes);
    }
}
