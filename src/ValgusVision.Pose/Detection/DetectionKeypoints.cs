using System.Runtime.CompilerServices;

namespace ValgusVision.Pose.Detection;

/// <summary>
/// The detector's 4 keypoints as x0, y0, x1, y1, …: 0 = mid-hip centre, 1 = full-body size/rotation point,
/// 2 = mid-shoulder centre, 3 = upper-body size/rotation point (comment in pose_detection_cpu.pbtxt).
/// </summary>
[InlineArray(Length)]
public struct DetectionKeypoints
{
    public const int Count = 4;

    public const int Length = Count * 2;

    private float _element0;
}
