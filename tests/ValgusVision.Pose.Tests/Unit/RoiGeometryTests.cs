using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Detection;
using ValgusVision.Pose.Landmarks;
using ValgusVision.Pose.Runtime;
using ValgusVision.Pose.Tracking;

namespace ValgusVision.Pose.Tests.Unit;

public class RoiGeometryTests
{
    private static PoseDetection Detection(float hipX, float hipY, float bodyX, float bodyY)
    {
        var d = new PoseDetection { Score = 0.9f };
        d.Keypoints[0] = hipX;
        d.Keypoints[1] = hipY;
        d.Keypoints[2] = bodyX;
        d.Keypoints[3] = bodyY;
        return d;
    }

    [Fact]
    public void Landscape_letterbox_pads_top_and_bottom_and_removal_undoes_it()
    {
        LetterboxPadding pad = LetterboxPadding.ForImage(1280, 720);
        Assert.Equal(new LetterboxPadding(0, 0.21875f, 0, 0.21875f), pad); // (1 − 720/1280) / 2

        PoseDetection[] d = [Detection(0.5f, 0.21875f, 0.25f, 0.5f)];
        d[0].Width = 0.1f;
        d[0].Height = 0.1f;
        DetectionLetterboxRemoval.Apply(d, pad);

        Assert.Equal(0f, d[0].HipCenterY, 6);
        Assert.Equal(0.5f, d[0].BodyPointY, 6);
        Assert.Equal(0.25f, d[0].BodyPointX, 6);
        Assert.Equal(0.1f / 0.5625f, d[0].Height, 6);
        Assert.Equal(0.1f, d[0].Width, 6);
    }

    [Fact]
    public void Portrait_letterbox_pads_left_and_right()
    {
        Assert.Equal(new LetterboxPadding(0.25f, 0, 0.25f, 0), LetterboxPadding.ForImage(360, 720));
        Assert.Equal(new LetterboxPadding(0, 0, 0, 0), LetterboxPadding.ForImage(500, 500));
    }

    [Fact]
    public void Upright_person_gives_an_unrotated_square_roi_of_2_5_times_hip_to_body_point()
    {
        // Hip centre (400, 300), body point 80 px straight above, in an 800×600 frame.
        RotatedRoi roi = DetectionToRoi.Compute(Detection(0.5f, 0.5f, 0.5f, 220f / 600), 800, 600);

        Assert.Equal(400f, roi.CenterX, 3);
        Assert.Equal(300f, roi.CenterY, 3);
        Assert.Equal(200f, roi.Width, 3);
        Assert.Equal(200f, roi.Height, 3);
        Assert.Equal(0f, roi.RotationRadians, 6);
    }

    [Fact]
    public void Body_point_to_the_right_of_the_hip_rotates_the_roi_a_quarter_turn_clockwise()
    {
        RotatedRoi right = DetectionToRoi.Compute(Detection(0.5f, 0.5f, 0.6f, 0.5f), 1000, 1000);
        RotatedRoi below = DetectionToRoi.Compute(Detection(0.5f, 0.5f, 0.5f, 0.6f), 1000, 1000);
        RotatedRoi left = DetectionToRoi.Compute(Detection(0.5f, 0.5f, 0.4f, 0.5f), 1000, 1000);

        Assert.Equal(MathF.PI / 2, right.RotationRadians, 5);
        Assert.Equal(-MathF.PI, below.RotationRadians, 5); // normalised into [−π, π)
        Assert.Equal(-MathF.PI / 2, left.RotationRadians, 5);
        Assert.Equal(250f, right.Width, 3);
    }

    [Fact]
    public void Landmarks_to_roi_uses_aux_33_as_centre_and_aux_34_as_scale_point()
    {
        RotatedRoi roi = LandmarksToRoi.Compute(new Landmark(100, 200, 0, 1, 1), new Landmark(130, 160, 0, 1, 1));

        Assert.Equal(100f, roi.CenterX);
        Assert.Equal(200f, roi.CenterY);
        Assert.Equal(2.5f * 50f, roi.Width, 3);                   // |(30, −40)| = 50
        Assert.Equal(MathF.Atan2(30, 40), roi.RotationRadians, 5); // leaning right by atan(30/40)
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.7f)]
    [InlineData(-2.5f)]
    [InlineData(3.1f)]
    public void Projection_and_unprojection_round_trip_for_rotated_rois(float rotation)
    {
        var roi = new RotatedRoi(321.5f, 187.25f, 240f, 240f, rotation);
        for (float u = -0.2f; u <= 1.2f; u += 0.35f)
        {
            for (float v = -0.1f; v <= 1.1f; v += 0.3f)
            {
                Landmark image = LandmarkProjector.Project(new Landmark(u, v, 0.1f, 0.7f, 0.8f), roi);
                (float u2, float v2) = LandmarkProjector.Unproject(image.X, image.Y, roi);

                Assert.Equal(u, u2, 4);
                Assert.Equal(v, v2, 4);
                Assert.Equal(0.1f * 240f, image.Z, 3);
                Assert.Equal(0.7f, image.Visibility);
            }
        }
    }

    [Fact]
    public void Projection_of_the_roi_top_centre_follows_the_rotation()
    {
        // A quarter turn clockwise: the crop's "up" points to the image's right.
        var roi = new RotatedRoi(100, 100, 40, 40, MathF.PI / 2);
        Landmark top = LandmarkProjector.Project(new Landmark(0.5f, 0f, 0, 0, 0), roi);

        Assert.Equal(120f, top.X, 4);
        Assert.Equal(100f, top.Y, 4);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.4f)]
    [InlineData(-1.9f)]
    [InlineData(3.0f)]
    public void Crop_matrix_maps_image_points_to_where_the_projection_takes_them_from(float rotation)
    {
        // The crop (image → tensor) and the projection (tensor → image) must be exact inverses, or landmarks drift.
        var roi = new RotatedRoi(640.3f, 360.7f, 311f, 311f, rotation);
        Span<double> m = stackalloc double[9];
        RoiCropper.ComputeMatrix(roi, 256, m);
        foreach ((float u, float v) in new[] { (0f, 0f), (1f, 0f), (0f, 1f), (0.3f, 0.8f), (0.5f, 0.5f) })
        {
            Landmark image = LandmarkProjector.Project(new Landmark(u, v, 0, 0, 0), roi);
            double tx = m[0] * image.X + m[1] * image.Y + m[2];
            double ty = m[3] * image.X + m[4] * image.Y + m[5];

            Assert.Equal(u * 256, tx, 2);
            Assert.Equal(v * 256, ty, 2);
        }
    }
}
