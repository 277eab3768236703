using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Landmarks;

namespace ValgusVision.Pose.Tests.Unit;

public class LandmarkDecodingTests
{
    [Fact]
    public void Landmarks_are_divided_by_256_and_visibility_and_presence_are_sigmoids()
    {
        var raw = new float[195];
        raw[5 * 2] = 128f;
        raw[5 * 2 + 1] = 64f;
        raw[5 * 2 + 2] = -25.6f;
        raw[5 * 2 + 3] = 0f;
        raw[5 * 2 + 4] = 2f;
        var lms = new Landmark[39];

        LandmarkDecoder.Decode(raw, lms);

        Assert.Equal(new Landmark(0.5f, 0.25f, -0.1f, 0.5f, 1f / (1f + MathF.Exp(-2f))), lms[2]);
    }

    [Fact]
    public void World_landmarks_rotate_about_z_by_the_roi_rotation_and_take_visibility_from_the_image_landmarks()
    {
        var raw = new float[117];
        raw[3 * 5] = 0.2f;
        raw[3 * 5 + 1] = -0.1f;
        raw[3 * 5 + 2] = 0.05f;
        var roiLandmarks = new Landmark[39];
        roiLandmarks[5] = new Landmark(0, 0, 0, 0.75f, 0.9f);
        var world = new WorldLandmark[33];

        WorldLandmarkProjector.Project(raw, roiLandmarks, MathF.PI / 2, world);

        // (x, y) → (cos·x − sin·y, sin·x + cos·y) = (0.1, 0.2) for a quarter turn.
        Assert.Equal(0.1f, world[5].X, 6);
        Assert.Equal(0.2f, world[5].Y, 6);
        Assert.Equal(0.05f, world[5].Z);
        Assert.Equal(0.75f, world[5].Visibility);
    }
}
