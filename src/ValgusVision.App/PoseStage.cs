using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// One frame's pose, as every session makes it: estimate (BlazePose), then refine the knees and ankles from the same
/// inference's person mask (and, when asked, move the hips towards the joint centres), then the immutable snapshot. Offline and live run this same stage.
/// </summary>
public sealed class PoseStage(IPoseEstimator estimator, JointCentreRefiner? refiner, IHipPointEstimator? hips = null)
{
    private readonly PoseResult _result = new();

    public IPoseEstimator Estimator => estimator;

    /// <summary>Forgets the tracked ROI and the smoothing state: the next frame starts a new sequence.</summary>
    public void Reset()
    {
        estimator.Reset();
        hips?.Reset();
    }

    /// <summary>The pose of <paramref name="frame"/>, numbered <paramref name="index"/>; reuses one result buffer (not thread-safe).</summary>
    public PoseFrame Estimate(VideoFrame frame, int index)
    {
        ArgumentNullException.ThrowIfNull(frame);
        estimator.Estimate(frame.AsImageFrame(), _result);
        // The estimator may leave these unset on "no person"; the frame's own values are the truth.
        _result.TimestampSeconds = frame.TimestampSeconds;
        _result.ImageWidth = frame.Width;
        _result.ImageHeight = frame.Height;
        refiner?.Apply(_result);
        hips?.Apply(_result); // after the refiner, whose knee search reads the model's own hips
        return _result.Snapshot(index);
    }
}
