using ValgusVision.Domain.Pose;
using ValgusVision.Video;

namespace ValgusVision.App.Tests;

/// <summary>The overlapped passes must deliver frames in order, with the source's timestamps, whatever the stage speeds.</summary>
public sealed class PipelineOrderTests
{
    [Fact]
    public async Task Pose_pass_sees_every_frame_once_in_order_with_container_times()
    {
        using var source = new VideoFileSource(TestPaths.Video("soccer-3people-5frames.mp4"));
        using var estimator = new RecordingEstimator(delayMs: 3);
        var result = await PosePass.RunAsync(source, new PoseStage(estimator, null), TimeRange.All, new StageTimes(), null, CancellationToken.None);

        Assert.Equal(5, result.Poses.Count);
        Assert.Equal([0, 1, 2, 3, 4], result.Poses.Select(p => p.FrameIndex));
        Assert.Equal(estimator.Times, result.Poses.Select(p => p.TimeSeconds));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => i / source.Info.FramesPerSecond), estimator.Times, new Tolerance(1e-3));
        Assert.All(result.Poses, p => Assert.Equal((source.Info.Width, source.Info.Height), (p.ImageWidth, p.ImageHeight)));
    }

    [Fact]
    public async Task Overlay_pass_encodes_frames_in_order_even_when_drawing_is_slow()
    {
        using var dir = new ScratchFolder();
        string output = dir.File("numbered.mp4");
        using (var source = new VideoFileSource(TestPaths.Video("mmpose-demo-5frames.mp4")))
        using (var painter = new NumberingPainter())
        using (var encoder = VideoEncoders.Create(output, source.Info.Width, source.Info.Height, 5, PixelFormat.Bgr24, VideoEncoders.FindFfmpeg()))
        {
            await OverlayPass.RunAsync(source, TimeRange.All, 5, painter, encoder, null, new StageTimes(), null, CancellationToken.None);
        }

        using var check = new VideoFileSource(output);
        using var frame = new VideoFrame();
        int expected = 0;
        while (check.TryRead(frame))
        {
            // The painter wrote the position as a grey level into the top-left block.
            byte level = frame.Image.At<OpenCvSharp.Vec3b>(8, 8).Item1;
            Assert.InRange(level, (expected * 40) + 20 - 8, (expected * 40) + 20 + 8);
            expected++;
        }

        Assert.Equal(5, expected);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }

    /// <summary>Finds no person, but records the times it was given, and takes a while like a real model.</summary>
    private sealed class RecordingEstimator(int delayMs) : IPoseEstimator
    {
        public List<double> Times { get; } = [];

        public void Estimate(in ImageFrame frame, PoseResult result)
        {
            Thread.Sleep(delayMs);
            Times.Add(frame.TimestampSeconds);
            result.Clear();
            result.TimestampSeconds = frame.TimestampSeconds;
        }

        public void Reset() => Times.Clear();

        public void Dispose()
        {
        }
    }

    /// <summary>Paints the frame's position into a 16×16 block, slowly, with varying delays.</summary>
    private sealed class NumberingPainter : IFramePainter
    {
        public void Paint(VideoFrame frame, int position)
        {
            Thread.Sleep(position % 2 == 0 ? 15 : 1);
            frame.Image[new OpenCvSharp.Rect(0, 0, 16, 16)].SetTo(OpenCvSharp.Scalar.All((position * 40) + 20));
        }

        public void Dispose()
        {
        }
    }
}
