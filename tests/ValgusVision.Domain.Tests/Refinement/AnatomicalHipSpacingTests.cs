using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;

namespace ValgusVision.Domain.Tests.Refinement;

/// <summary>
/// The anatomical hip spacing, computed by hand. A body with a 0.8 m hip → knee → ankle leg: Hara et al. 2016's
/// ASIS → malleolus length LL = (0.8 + 0.009) / 0.922 = 0.877440 m, each hip joint 0.008 + 0.086 · 0.877440 = 0.083460 m
/// from the middle, so the joints are 0.166920 m apart; the model's hips 0.2 m apart in 3D are scaled by 0.834599.
/// </summary>
public class AnatomicalHipSpacingTests
{
    private const double Scale = 0.166920 / 0.2;

    [Fact]
    public void Published_width_for_a_leg_length()
    {
        Assert.Equal(0.166920, AnatomicalHipSpacing.InterHipJointMetres(0.8), 5);
        // 0.85 m: LL = 0.859 / 0.922 = 0.931670, 2 · (0.008 + 0.086 · 0.931670) = 0.176247 (20.7 % of the leg).
        Assert.Equal(0.176247, AnatomicalHipSpacing.InterHipJointMetres(0.85), 5);
    }

    [Fact]
    public void Frontal_body_keeps_the_mid_hip_and_narrows_the_hips_to_the_joint_width()
    {
        var (image, world) = Body(hipHalfX: 0.1, hipHalfZ: 0);
        image[(int)BodyLandmark.LeftHip] = Point(140, 300);
        image[(int)BodyLandmark.RightHip] = Point(100, 300);

        Assert.True(new AnatomicalHipSpacing().Apply(image, world));

        // mid 120; each hip 20 px out becomes 20 · 0.834599 = 16.692 px.
        Assert.Equal(136.692, image[(int)BodyLandmark.LeftHip].X, 3);
        Assert.Equal(103.308, image[(int)BodyLandmark.RightHip].X, 3);
        Assert.Equal(300, image[(int)BodyLandmark.LeftHip].Y, 3);
        Assert.Equal(300, image[(int)BodyLandmark.RightHip].Y, 3);
        Assert.Equal(0.9f, image[(int)BodyLandmark.LeftHip].Visibility);
    }

    [Fact]
    public void Turned_body_is_scaled_by_its_3d_hip_distance_so_the_foreshortening_stays()
    {
        // Hips 0.12 m apart across and 0.16 m in depth: still 0.2 m in 3D, so the same factor as a frontal body.
        var (image, world) = Body(hipHalfX: 0.06, hipHalfZ: 0.08);
        image[(int)BodyLandmark.LeftHip] = Point(130, 310);
        image[(int)BodyLandmark.RightHip] = Point(106, 300);

        Assert.True(AnatomicalHipSpacing.TryScale(image, world, out double scale));
        Assert.Equal(Scale, scale, 5);
        Assert.True(new AnatomicalHipSpacing().Apply(image, world));

        // mid (118, 305); the half vector (12, 5) becomes (10.015, 4.173): direction kept, 26 px → 21.700 px.
        Assert.Equal(128.015, image[(int)BodyLandmark.LeftHip].X, 3);
        Assert.Equal(309.173, image[(int)BodyLandmark.LeftHip].Y, 3);
        Assert.Equal(107.985, image[(int)BodyLandmark.RightHip].X, 3);
        Assert.Equal(300.827, image[(int)BodyLandmark.RightHip].Y, 3);
    }

    [Fact]
    public void Model_spacing_ratio_is_3d_hip_distance_over_leg_length()
    {
        var (_, world) = Body(hipHalfX: 0.06, hipHalfZ: 0.08);
        Assert.Equal(0.25, AnatomicalHipSpacing.ModelSpacingRatio(world), 6);
    }

    [Fact]
    public void Nothing_moves_without_usable_world_landmarks()
    {
        var (image, world) = Body(hipHalfX: 0, hipHalfZ: 0);
        image[(int)BodyLandmark.LeftHip] = Point(140, 300);
        var before = image[(int)BodyLandmark.LeftHip];

        Assert.False(new AnatomicalHipSpacing().Apply(image, world)); // both hips on one point
        Assert.False(new AnatomicalHipSpacing().Apply(image, world.AsSpan(0, 10))); // no world landmarks
        Assert.Equal(before, image[(int)BodyLandmark.LeftHip]);
        Assert.Null(HipCentreMode.Model.CreateEstimator());
        Assert.IsType<AnatomicalHipSpacing>(HipCentreMode.Anatomical.CreateEstimator());
        Assert.Equal(HipCentreMode.Anatomical, HipCentreModes.Parse(" Anatomical "));
        Assert.Null(HipCentreModes.Parse("pelvis"));
    }

    [Fact]
    public void Spacing_a_frame_allocates_nothing()
    {
        var (image, world) = Body(hipHalfX: 0.1, hipHalfZ: 0);
        image[(int)BodyLandmark.LeftHip] = Point(140, 300);
        image[(int)BodyLandmark.RightHip] = Point(100, 300);
        var spacing = new AnatomicalHipSpacing();
        spacing.Apply(image, world);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            spacing.Apply(image, world);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static Landmark Point(float x, float y) => new(x, y, 0, 0.9f, 0.9f);

    /// <summary>Legs straight down, 0.4 m thigh and 0.4 m shank, the hips ± (x, 0, z) about the middle.</summary>
    private static (Landmark[] Image, WorldLandmark[] World) Body(double hipHalfX, double hipHalfZ) =>
        (new Landmark[BodyLandmarks.Count], StraightWorldLegs.Make(hipHalfX, hipHalfZ));
}
