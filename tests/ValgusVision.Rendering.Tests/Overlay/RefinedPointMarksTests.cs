using System.Collections.Immutable;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Tests.Overlay;

/// <summary>Which joints the overlays draw as rings (moved from the model's point) and when the legend says so.</summary>
public class RefinedPointMarksTests
{
    private static readonly PoseFrame Pose = new(
        0, 0, 100, 100, true, ImmutableArray.Create(new Landmark[BodyLandmarks.Count]), [], 1f, false);

    [Fact]
    public void Hips_the_estimator_moved_are_rings_and_kept_ones_dots()
    {
        var moved = Pose with { Hips = HipPlacement.Placed };
        var kept = Pose with { Hips = HipPlacement.KeptBecause(HipPointIssue.TooWide) };

        Assert.True(RefinedPointMarks.IsRing(moved, BodyLandmark.LeftHip));
        Assert.True(RefinedPointMarks.IsRing(moved, BodyLandmark.RightHip));
        Assert.False(RefinedPointMarks.IsRing(moved, BodyLandmark.LeftKnee));
        Assert.False(RefinedPointMarks.IsRing(kept, BodyLandmark.LeftHip));
        Assert.False(RefinedPointMarks.IsRing(Pose, BodyLandmark.LeftHip));
    }

    [Fact]
    public void Refined_knees_stay_rings_whatever_the_hips()
    {
        var refined = Pose with { Refinement = new JointRefinement(RefinedJoints.LeftKnee, RefinedJoints.None, RefinementIssue.None) };
        Assert.True(RefinedPointMarks.IsRing(refined, BodyLandmark.LeftKnee));
        Assert.False(RefinedPointMarks.IsRing(refined, BodyLandmark.RightKnee));
        Assert.Equal(RefinedPointMarks.RingLegend, RefinedPointMarks.RingLegendFor(refined));
    }

    [Fact]
    public void The_legend_shows_while_an_estimator_looked_at_the_hips_and_names_the_move()
    {
        Assert.False(RefinedPointMarks.ShowsLegend(Pose));
        Assert.True(RefinedPointMarks.ShowsLegend(Pose with { Hips = HipPlacement.KeptBecause(HipPointIssue.NoMask) }));
        Assert.Equal(RefinedPointMarks.MovedLegend, RefinedPointMarks.RingLegendFor(Pose with { Hips = HipPlacement.Placed }));
    }
}
