using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Detection;

namespace ValgusVision.Pose.Tracking;

/// <summary>
/// pose_detection_to_roi.pbtxt (docs/pose-pipeline.md#detection-to-roi): the landmark model's ROI from a detection in normalised image
/// coordinates: centred on the hip centre (keypoint 0), side 2.5 × |kp1 − kp0| pixels, rotated by kp0→kp1.
/// </summary>
public static class DetectionToRoi
{
    public static RotatedRoi Compute(in PoseDetection detection, int imageWidth, int imageHeight, float scale = RoiTransformation.Scale)
    {
        RotatedRoi aligned = AlignmentPoints.ToRect(
            detection.HipCenterX * imageWidth,
            detection.HipCenterY * imageHeight,
            detection.BodyPointX * imageWidth,
            detection.BodyPointY * imageHeight);
        return RoiTransformation.ScaleSquareLong(aligned, scale);
    }
}
