using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Detection;

/// <summary>Maps detections made on an axis-aligned square region of the frame back to normalised image coordinates, in place.</summary>
public static class TileToImage
{
    public static void Apply(Span<PoseDetection> detections, in RotatedRoi region, int width, int height)
    {
        float left = region.CenterX - region.Width / 2f, top = region.CenterY - region.Height / 2f;
        for (int i = 0; i < detections.Length; i++)
        {
            ref PoseDetection d = ref detections[i];
            d.XMin = (left + d.XMin * region.Width) / width;
            d.YMin = (top + d.YMin * region.Height) / height;
            d.Width *= region.Width / width;
            d.Height *= region.Height / height;
            for (int k = 0; k < DetectionKeypoints.Count; k++)
            {
                d.Keypoints[2 * k] = (left + d.Keypoints[2 * k] * region.Width) / width;
                d.Keypoints[2 * k + 1] = (top + d.Keypoints[2 * k + 1] * region.Height) / height;
            }
        }
    }
}
