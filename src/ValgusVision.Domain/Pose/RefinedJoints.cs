namespace ValgusVision.Domain.Pose;

/// <summary>A set of the four joints the refinement may move.</summary>
[Flags]
public enum RefinedJoints : byte
{
    None = 0,
    LeftKnee = 1,
    RightKnee = 2,
    LeftAnkle = 4,
    RightAnkle = 8,
}
