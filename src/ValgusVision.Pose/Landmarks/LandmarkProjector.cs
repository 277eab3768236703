using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Landmarks;

/// <summary>
/// LandmarkLetterboxRemoval + LandmarkProjection for a square ROI (docs/pose-pipeline.md#landmark-model): ROI-normalised landmarks →
/// frame pixels, rotated about the ROI centre; z → pixels on the x scale (z × ROI width).
/// The landmark crop's letterbox padding is 0 because the ROI is square, so only the projection remains.
/// </summary>
public static class LandmarkProjector
{
    public static Landmark Project(in Landmark roiLandmark, in RotatedRoi roi)
    {
        float cos = MathF.Cos(roi.RotationRadians);
        float sin = MathF.Sin(roi.RotationRadians);
        float dx = roiLandmark.X - 0.5f;
        float dy = roiLandmark.Y - 0.5f;
        return roiLandmark with
        {
            X = (cos * dx - sin * dy) * roi.Width + roi.CenterX,
            Y = (sin * dx + cos * dy) * roi.Height + roi.CenterY,
            Z = roiLandmark.Z * roi.Width,
        };
    }

    /// <summary>The inverse of <see cref="Project"/> for x, y (tests and ROI checks).</summary>
    public static (float U, float V) Unproject(float x, float y, in RotatedRoi roi)
    {
        float cos = MathF.Cos(roi.RotationRadians);
        float sin = MathF.Sin(roi.RotationRadians);
        float px = (x - roi.CenterX) / roi.Width;
        float py = (y - roi.CenterY) / roi.Height;
        return (cos * px + sin * py + 0.5f, -sin * px + cos * py + 0.5f);
    }
}
