using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Tracking;

/// <summary>
/// pose_landmarks_to_roi.pbtxt (docs/pose-pipeline.md#tracking-the-next-frames-roi): the next frame's ROI from the smoothed auxiliary landmarks,
/// aux 33 as the centre and aux 34 as the scale point, then the same ×1.25 square as <see cref="DetectionToRoi"/>.
/// </summary>
public static class LandmarksToRoi
{
    public static RotatedRoi Compute(in Landmark auxCenter, in Landmark auxScale, float scale = RoiTransformation.Scale) =>
        RoiTransformation.ScaleSquareLong(AlignmentPoints.ToRect(auxCenter.X, auxCenter.Y, auxScale.X, auxScale.Y), scale);
}
