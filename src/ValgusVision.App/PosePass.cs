using System.Diagnostics;
using System.Threading.Channels;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// Pass 1: decode → pose, overlapped (the decoder fills the next frames while the estimator works on this one).
/// Produces one immutable <see cref="PoseFrame"/> per analysed frame, in order, with the knees and ankles refined by
/// <c>refiner</c> when one is given (from the same inference's person mask, before the snapshot), and the hips moved to
/// the estimated joint centres by <c>hips</c> when one is given.
/// </summary>
public static class PosePass
{
    /// <summary>Frames in flight: enough to hide decoding jitter, few enough to bound memory (≈11 MB at 720p).</summary>
    private const int FramesInFlight = 4;

    public static async Task<PosePassResult> RunAsync(
        IFrameSource source,
        IPoseEstimator estimator,
        TimeRange range,
        StageTimes times,
        Action<int>? framesDone,
        CancellationToken cancellation,
        JointCentreRefiner? refiner = null,
        HipJointCentreEstimator? hips = null)
    {
        using var pool = new FramePool(FramesInFlight);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var decoded = Channel.CreateBounded<VideoFrame>(new BoundedChannelOptions(FramesInFlight) { SingleReader = true, SingleWriter = true });
        var decodeClock = times.For("decode");
        var poseClock = times.For("pose");
        var poses = new List<PoseFrame>(source.Info.FrameCount ?? 256);
        var result = new PoseResult();
        int withPose = 0;
        var wall = Stopwatch.StartNew();
        estimator.Reset();
        var decoder = DecodeStage.Start(source, range, pool, decoded.Writer, decodeClock, stop.Token);
        try
        {
            await foreach (var frame in decoded.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                long t = StageTimes.Slot.Start();
                estimator.Estimate(frame.AsImageFrame(), result);
                // The estimator may leave these unset on "no person"; the frame's own values are the truth.
                result.TimestampSeconds = frame.TimestampSeconds;
                result.ImageWidth = frame.Width;
                result.ImageHeight = frame.Height;
                refiner?.Apply(result);
                hips?.Apply(result); // after the refiner, whose knee search reads the model's own hips
                var pose = result.Snapshot(frame.Index);
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
