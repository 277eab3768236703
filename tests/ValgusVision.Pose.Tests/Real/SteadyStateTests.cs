using OpenCvSharp;
using ValgusVision.Domain.Pose;
using Xunit.Abstractions;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>A tracking frame allocates nothing once warm, and its stages are timed (the benchmark project has the careful numbers).</summary>
public class SteadyStateTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(CropSampling.CornerAligned)]
    [InlineData(CropSampling.PixelCentres)]
    public void Tracking_frames_allocate_nothing_in_the_steady_state(CropSampling sampling)
    {
        var (allocated, result) = AllocatedOnceWarm(TestFiles.Options() with { CropSampling = sampling });
        Assert.True(result.HasPose);
        Assert.False(result.DetectorRan);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Flip_averaged_tracking_frames_allocate_nothing_in_the_steady_state(bool concurrent)
    {
        // The mirrored run on its own thread is started and awaited per frame: neither may allocate.
        var (allocated, result) = AllocatedOnceWarm(TestFiles.Options() with { FlipAveraging = true, ConcurrentFlip = concurrent });
        Assert.True(result.HasPose);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Detector_frames_allocate_nothing_in_the_steady_state()
    {
        var (allocated, result) = AllocatedOnceWarm(TestFiles.Options() with { StaticImageMode = true });
        Assert.True(result.HasPose);
        Assert.True(result.DetectorRan);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void People_counts_allocate_nothing_in_the_steady_state()
    {
        // A count on every frame (the interval below one frame): whole frame and three tiles, each time.
        var (allocated, result) = AllocatedOnceWarm(TestFiles.Options() with { PeopleCountIntervalSeconds = 1e-9 });
        Assert.True(result.HasPose);
        Assert.True(result.PeopleCounted);
        Assert.Equal(0, allocated);
    }

    /// <summary>Bytes this thread allocates over 20 frames after 5 warm-up frames of the same 720p picture.</summary>
    private static (long Bytes, PoseResult Last) AllocatedOnceWarm(BlazePoseOptions options)
    {
        List<(Mat Frame, double TimeSeconds)> video = TestFiles.ReadVideo("videos/soccer-3people-5frames.mp4");
        ImageFrame frame = TestFiles.ToFrame(video[0].Frame, 0);
        using var estimator = new BlazePoseEstimator(options);
        var result = new PoseResult();
        for (int i = 0; i < 5; i++)
        {
            estimator.Estimate(frame with { TimestampSeconds = i / 30.0 }, result);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 5; i < 25; i++)
        {
            estimator.Estimate(frame with { TimestampSeconds = i / 30.0 }, result);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before, result);
    }

    [Fact]
    public void Stage_timings_add_up_to_at_most_the_total()
    {
        List<(Mat Frame, double TimeSeconds)> video = TestFiles.ReadVideo("videos/soccer-3people-5frames.mp4");
        ImageFrame frame = TestFiles.ToFrame(video[0].Frame, 0);
        using var estimator = new BlazePoseEstimator(TestFiles.Options());
        var result = new PoseResult();
        var tracking = new List<PoseStageTimings>();
        int counts = 0;
        estimator.Estimate(frame, result);
        PoseStageTimings first = result.Timings;
        for (int i = 1; i <= 30; i++)
        {
            estimator.Estimate(frame with { TimestampSeconds = i / 30.0 }, result);
            if (result.PeopleCounted)
            {
                // The people count (once a second) is detector time on a tracking frame.
                counts++;
                Assert.True(result.Timings.DetectorMs > 0);
                continue;
            }

            tracking.Add(result.Timings);
        }

        Assert.Equal(1, counts);

        static double Median(IEnumerable<double> v) => v.OrderBy(x => x).ElementAt(14);
        output.WriteLine($"first frame (detector): {first}");
        output.WriteLine(
            $"tracking 720p, median of 30: crop {Median(tracking.Select(t => t.CropMs)):0.00} ms, landmark model {Median(tracking.Select(t => t.LandmarkModelMs)):0.00} ms, " +
            $"decode {Median(tracking.Select(t => t.DecodeMs)):0.00} ms, smoothing {Median(tracking.Select(t => t.SmoothingMs)):0.00} ms, total {Median(tracking.Select(t => t.TotalMs)):0.00} ms");

        Assert.True(first.DetectorMs > 0);
        foreach (PoseStageTimings t in tracking)
        {
            Assert.Equal(0, t.DetectorMs);
            Assert.True(t.CropMs + t.LandmarkModelMs + t.DecodeMs + t.SmoothingMs <= t.TotalMs + 1e-6);
        }
    }
}
