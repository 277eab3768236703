namespace ValgusVision.Pose.Detection;

/// <summary>
/// Maps detections from the letterboxed detector tensor back to normalised image coordinates
/// (DetectionLetterboxRemovalCalculator, docs/pose-pipeline.md#detections), in place.
/// </summary>
public static class DetectionLetterboxRemoval
{
    public static void Apply(Span<PoseDetection> detections, LetterboxPadding padding)
    {
        float sx = 1f - padding.Left - padding.Right;
        float sy = 1f - padding.Top - padding.Bottom;
        for (int i = 0; i < detections.Length; i++)
        {
            ref PoseDetection d = ref detections[i];
            d.XMin = (d.XMin - padding.Left) / sx;
            d.YMin = (d.YMin - padding.Top) / sy;
            d.Width /= sx;
            d.Height /= sy;
            for (int k = 0; k < DetectionKeypoints.Count; k++)
            {
                d.Keypoints[2 * k] = (d.Keypoints[2 * k] - padding.Left) / sx;
                d.Keypoints[2 * k + 1] = (d.Keypoints[2 * k + 1] - padding.Top) / sy;
            }
        }
    }
}
