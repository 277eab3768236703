namespace ValgusVision.Domain.Pose;

/// <summary>A 3D landmark in metres, origin between the hips, as BlazePose's world output (x right, y down, z away).</summary>
public readonly record struct WorldLandmark(float X, float Y, float Z, float Visibility);
