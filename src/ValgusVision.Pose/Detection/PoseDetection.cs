namespace ValgusVision.Pose.Detection;

/// <summary>
/// One detector candidate in normalised coordinates (of the letterboxed 224 tensor, or of the image after
/// <see cref="DetectionLetterboxRemoval"/>). The box is the face box; the keypoints carry the body.
/// A mutable struct so decoding and NMS can fill preallocated arrays without allocating.
/// </summary>
public struct PoseDetection
{
    public float Score;

    public float XMin;

    public float YMin;

    public float Width;

    public float Height;

    public DetectionKeypoints Keypoints;

    public readonly float HipCenterX => Keypoints[0];

    public readonly float HipCenterY => Keypoints[1];

    public readonly float BodyPointX => Keypoints[2];

    public readonly float BodyPointY => Keypoints[3];
}
