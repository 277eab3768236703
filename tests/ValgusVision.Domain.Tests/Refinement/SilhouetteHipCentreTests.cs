using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;

namespace ValgusVision.Domain.Tests.Refinement;

/// <summary>
/// The hips from the silhouette, computed by hand. <see cref="SyntheticMask.Body"/>'s legs are 200 px in the image;
/// the world legs are 0.4 + 0.4 m with frontal hips, so Hara et al. 2016's width is 0.166920 m (AnatomicalHipSpacingTests),
/// 0.208650 of the leg, and the hip joints lie 41.730 px apart. The model's hips at x 85 and 135 (mid-hip 110) are
/// wider than that and off the pelvis's middle; the pelvis band [60, 140] has its middle at 100.
/// </summary>
public class SilhouetteHipCentreTests
{
    private const double SpacingPx = 0.166920 / 0.8 * 200;

    [Fact]
    public void Hips_go_to_the_published_width_about_the_silhouettes_middle()
    {
        var image = SyntheticMask.Body(leftX: 135, rightX: 85);
        var mask = SyntheticMask.Draw((x, _) => SyntheticMask.Band(x, 60, 140));
        var hips = new SilhouetteHipCentre();

        Assert.True(hips.Apply(image, World(0.1, 0), mask));

        Assert.Equal(HipPointIssue.None, hips.LastIssue);
        Assert.Equal(100 + (SpacingPx / 2), image[(int)BodyLandmark.LeftHip].X, 0.01);
        Assert.Equal(100 - (SpacingPx / 2), image[(int)BodyLandmark.RightHip].X, 0.01);
        Assert.Equal(20, image[(int)BodyLandmark.LeftHip].Y, 3);
        Assert.Equal(20, image[(int)BodyLandmark.RightHip].Y, 3);
        Assert.Equal(1, hips.Placed);
    }

    [Fact]
    public void A_turned_pelvis_shows_its_joints_closer_together()
    {
        // Hips 0.12 m across and 0.16 m in depth: the line is at cos = 0.6 to the image plane.
        Assert.Equal(SpacingPx, SilhouetteHipCentre.SpacingPx(World(0.1, 0), 200), 3);
        Assert.Equal(SpacingPx * 0.6, SilhouetteHipCentre.SpacingPx(World(0.06, 0.08), 200), 3);
        Assert.True(double.IsNaN(SilhouetteHipCentre.SpacingPx(World(0, 0), 200)));
    }

    [Fact]
    public void The_width_comes_from_the_standing_leg_until_reset()
    {
        var mask = SyntheticMask.Draw((x, _) => SyntheticMask.Band(x, 60, 140));
        var hips = new SilhouetteHipCentre();
        hips.Apply(SyntheticMask.Body(135, 85), World(0.1, 0), mask);

        // A squatting frame: the ankles come up to y 180, the 2D legs are 160 px; the standing 200 px still sets the width.
        var squat = SyntheticMask.Body(135, 85);
        SyntheticMask.Set(squat, BodyLandmark.LeftAnkle, 135, 180);
        SyntheticMask.Set(squat, BodyLandmark.RightAnkle, 85, 180);
        Assert.True(hips.Apply(squat, World(0.1, 0), mask));
        Assert.Equal(SpacingPx, squat[(int)BodyLandmark.LeftHip].X - squat[(int)BodyLandmark.RightHip].X, 0.01);

        hips.Reset();
        squat = SyntheticMask.Body(135, 85);
        SyntheticMask.Set(squat, BodyLandmark.LeftAnkle, 135, 180);
        SyntheticMask.Set(squat, BodyLandmark.RightAnkle, 85, 180);
        Assert.True(hips.Apply(squat, World(0.1, 0), mask));
        Assert.Equal(SpacingPx * 160 / 200, squat[(int)BodyLandmark.LeftHip].X - squat[(int)BodyLandmark.RightHip].X, 0.01);
    }

    [Theory]
    [InlineData(20, 180, HipPointIssue.TooWide)] // 160 px: over 3.2 joint widths (133.5 px), an arm or clothes
    [InlineData(95, 125, HipPointIssue.TooNarrow)] // 30 px: under 1.2 joint widths (50.1 px)
    [InlineData(100, 180, HipPointIssue.FarFromModel)] // middle 140, 30 px from the mid-hip (limit 12.5 px)
    [InlineData(-40, 140, HipPointIssue.NoEdge)] // the right edge lies outside the mask's area
    public void A_silhouette_that_is_not_a_pelvis_keeps_the_models_hips(float left, float right, HipPointIssue issue)
    {
        var image = SyntheticMask.Body(135, 85);
        var before = (image[(int)BodyLandmark.LeftHip], image[(int)BodyLandmark.RightHip]);
        var hips = new SilhouetteHipCentre();

        Assert.False(hips.Apply(image, World(0.1, 0), SyntheticMask.Draw((x, _) => SyntheticMask.Band(x, left, right))));

        Assert.Equal(issue, hips.LastIssue);
        Assert.Equal(before, (image[(int)BodyLandmark.LeftHip], image[(int)BodyLandmark.RightHip]));
        Assert.Equal(1, hips.Kept);
    }

    [Fact]
    public void A_hand_against_one_row_of_the_pelvis_keeps_the_models_hips()
    {
        // Below the hip line (y > 24) a hand widens the left side to x 160: that row's middle moves 10 px, over 0.12 widths.
        var mask = SyntheticMask.Draw((x, y) => SyntheticMask.Band(x, 60, y > 24 ? 160 : 140));
        var image = SyntheticMask.Body(135, 85);
        var hips = new SilhouetteHipCentre();

        Assert.False(hips.Apply(image, World(0.1, 0), mask));
        Assert.Equal(HipPointIssue.RowsDisagree, hips.LastIssue);
    }

    [Fact]
    public void Without_a_mask_or_world_the_models_hips_stay()
    {
        var image = SyntheticMask.Body(135, 85);
        var before = image[(int)BodyLandmark.LeftHip];
        var hips = new SilhouetteHipCentre();

        Assert.False(hips.Apply(image, World(0.1, 0)));
        Assert.Equal(HipPointIssue.NoMask, hips.LastIssue);
        Assert.False(hips.Apply(image, World(0.1, 0), new PersonMask()));
        Assert.Equal(HipPointIssue.NoMask, hips.LastIssue);
        Assert.False(hips.Apply(image, World(0.1, 0).AsSpan(0, 10), SyntheticMask.Draw((x, _) => SyntheticMask.Band(x, 60, 140))));
        Assert.Equal(HipPointIssue.NoWorldLandmarks, hips.LastIssue);
        Assert.Equal(before, image[(int)BodyLandmark.LeftHip]);

        Assert.IsType<SilhouetteHipCentre>(HipCentreMode.Silhouette.CreateEstimator());
        Assert.Equal(HipCentreMode.Silhouette, HipCentreModes.Parse(" Silhouette "));
        Assert.Equal("silhouette", HipCentreMode.Silhouette.ToName());
    }

    [Fact]
    public void Placing_a_frame_allocates_nothing()
    {
        var mask = SyntheticMask.Draw((x, _) => SyntheticMask.Band(x, 60, 140));
        var world = World(0.1, 0);
        var hips = new SilhouetteHipCentre();
        var image = SyntheticMask.Body(135, 85);
        hips.Apply(image, world, mask);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            hips.Apply(image, world, mask);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_pose_result_says_whether_its_hips_were_moved_and_why_not()
    {
        var hips = new SilhouetteHipCentre();
        var withMask = Result(SyntheticMask.Draw((x, _) => SyntheticMask.Band(x, 60, 140)));
        hips.Apply(withMask);
        Assert.Equal(HipPlacement.Placed, withMask.Hips);
        Assert.Equal(100 + (SpacingPx / 2), withMask.Landmarks[(int)BodyLandmark.LeftHip].X, 0.01);

        var noMask = Result(null);
        hips.Apply(noMask);
        Assert.Equal(HipPlacement.KeptBecause(HipPointIssue.NoMask), noMask.Hips);
        Assert.True(noMask.Hips.Kept);
        Assert.Equal(135, noMask.Landmarks[(int)BodyLandmark.LeftHip].X);

        // The snapshot the analysis keeps carries it; a cleared result forgets it.
        Assert.Equal(HipPlacement.KeptBecause(HipPointIssue.NoMask), noMask.Snapshot(7).Hips);
        noMask.Clear();
        Assert.Equal(default, noMask.Hips);
    }

    private static PoseResult Result(PersonMask? mask)
    {
        var result = new PoseResult { HasPose = true, ImageWidth = 200, ImageHeight = 240 };
        SyntheticMask.Body(leftX: 135, rightX: 85).CopyTo(result.Landmarks, 0);
        World(0.1, 0).CopyTo(result.WorldLandmarks, 0);
        if (mask is not null)
        {
            result.Segmentation.Resize(mask.Size);
            mask.Logits.CopyTo(result.Segmentation.Logits, 0);
            result.Segmentation.Roi = mask.Roi;
            result.HasSegmentation = true;
        }

        return result;
    }

    private static WorldLandmark[] World(double hipHalfX, double hipHalfZ) => StraightWorldLegs.Make(hipHalfX, hipHalfZ);
}
