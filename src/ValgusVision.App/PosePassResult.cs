using ValgusVision.Domain.Pose;

namespace ValgusVision.App;

/// <summary>The poses of every analysed frame, in order, and how long pass 1 took.</summary>
public sealed record PosePassResult(IReadOnlyList<PoseFrame> Poses, int FramesWithPose, double WallSeconds)
{
    public double FramesPerSecond => WallSeconds > 0 ? Poses.Count / WallSeconds : 0;
}
