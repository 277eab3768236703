namespace ValgusVision.Domain.Pose;

/// <summary>
/// One image landmark. <see cref="X"/> and <see cref="Y"/> are pixels of the original frame (x right, y down);
/// <see cref="Z"/> is depth on the same pixel scale as x (smaller = closer to the camera, origin near the hips).
/// Visibility and presence are probabilities in [0, 1].
/// </summary>
public readonly record struct Landmark(float X, float Y, float Z, float Visibility, float Presence);
