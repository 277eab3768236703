namespace ValgusVision.Domain.Pose;

/// <summary>
/// Turns frames into poses. Implementations keep tracking state between calls (ROI, filters), so frames of one
/// video must arrive in time order; call <see cref="Reset"/> between unrelated inputs.
/// </summary>
public interface IPoseEstimator : IDisposable
{
    /// <summary>
    /// Estimates the pose in <paramref name="frame"/> and writes it into <paramref name="result"/>, a buffer the
    /// caller owns and may reuse. No person is a result (<see cref="PoseResult.HasPose"/> false), never an exception.
    /// </summary>
    void Estimate(in ImageFrame frame, PoseResult result);

    /// <summary>Forgets tracking and smoothing state.</summary>
    void Reset();
}
