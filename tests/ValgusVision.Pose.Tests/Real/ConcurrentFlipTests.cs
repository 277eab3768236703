using OpenCvSharp;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// Flip averaging's mirrored run beside the plain one (<see cref="BlazePoseOptions.ConcurrentFlip"/>) is the same
/// model on the same crops as running them one after the other, so every number must be identical, not just close.
/// </summary>
public class ConcurrentFlipTests
{
    [Theory]
    [InlineData("videos/mmpose-demo-5frames.mp4")]
    [InlineData("videos/soccer-3people-5frames.mp4")]
    public void Concurrent_and_sequential_flip_averaging_give_identical_poses(string clip)
    {
        List<(Mat Frame, double TimeSeconds)> video = TestFiles.ReadVideo(clip);
        using var concurrent = new BlazePoseEstimator(TestFiles.Options() with { FlipAveraging = true, ConcurrentFlip = true });
        using var sequential = new BlazePoseEstimator(TestFiles.Options() with { FlipAveraging = true, ConcurrentFlip = false });
        var a = new PoseResult();
        var b = new PoseResult();
        int posed = 0;
        foreach (var (frame, time) in video)
        {
            ImageFrame image = TestFiles.ToFrame(frame, time);
            concurrent.Estimate(image, a);
            sequential.Estimate(image, b);

            Assert.Equal(b.HasPose, a.HasPose);
            Assert.Equal(b.PresenceScore, a.PresenceScore);
            if (!a.HasPose)
            {
                continue;
            }

            posed++;
            Assert.Equal(b.Landmarks, a.Landmarks);
            Assert.Equal(b.WorldLandmarks, a.WorldLandmarks);
            Assert.Equal(b.HasSegmentation, a.HasSegmentation);
            Assert.True(b.Segmentation.Logits.AsSpan().SequenceEqual(a.Segmentation.Logits), "the averaged masks differ");
        }

        Assert.True(posed > 0, $"no pose on any frame of {clip}");
    }

    [Fact]
    public void Without_flip_averaging_no_mirror_runs()
    {
        List<(Mat Frame, double TimeSeconds)> video = TestFiles.ReadVideo("videos/mmpose-demo-5frames.mp4");
        using var plain = new BlazePoseEstimator(TestFiles.Options());
        using var flipped = new BlazePoseEstimator(TestFiles.Options() with { FlipAveraging = true });
        var a = new PoseResult();
        var b = new PoseResult();
        ImageFrame image = TestFiles.ToFrame(video[0].Frame, 0);
        plain.Estimate(image, a);
        flipped.Estimate(image, b);

        // A pose with and without the mirror differ (the average moves the points): the lever really is on or off.
        Assert.True(a.HasPose && b.HasPose);
        Assert.NotEqual(a.Landmarks, b.Landmarks);
    }
}
