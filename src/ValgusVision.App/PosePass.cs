using System.Diagnostics;
using System.Threading.Channels;
using ValgusVision.Domain.Pose;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// Pass 1: decode → pose, overlapped (the decoder fills the next frames while the estimator works on this one).
/// Produces one immutable <see cref="PoseFrame"/> per analysed frame, in order, with the knees and ankles refined by
/// the stage's refiner (from the same inference's person mask, before the snapshot).
/// </summary>
public static class PosePass
{
    /// <summary>Frames in flight: enough to hide decoding jitter, few enough to bound memory (≈11 MB at 720p).</summary>
    private const int FramesInFlight = 4;

    public static async Task<PosePassResult> RunAsync(
        IFrameSource source,
        PoseStage stage,
        TimeRange range,
        StageTimes times,
        Action<int>? framesDone,
        CancellationToken cancellation)
    {
        using var pool = new FramePool(FramesInFlight);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var decoded = Channel.CreateBounded<VideoFrame>(new BoundedChannelOptions(FramesInFlight) { SingleReader = true, SingleWriter = true });
        var decodeClock = times.For("decode");
        var poseClock = times.For("pose");
        var poses = new List<PoseFrame>(source.Info.FrameCount ?? 256);
        int withPose = 0;
        var wall = Stopwatch.StartNew();
        stage.Reset();
        var decoder = DecodeStage.Start(source, range, pool, decoded.Writer, decodeClock, stop.Token);
        try
        {
            await foreach (var frame in decoded.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                long t = StageTimes.Slot.Start();
                var pose = stage.Estimate(frame, frame.Index);
                poseClock.Stop(t);
                pool.Return(frame);
                poses.Add(pose);
                withPose += pose.HasPose ? 1 : 0;
                framesDone?.Invoke(poses.Count);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await decoder.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return new PosePassResult(poses, withPose, wall.Elapsed.TotalSeconds);
    }
}
