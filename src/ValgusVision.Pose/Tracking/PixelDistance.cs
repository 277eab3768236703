using ValgusVision.Pose.Detection;

namespace ValgusVision.Pose.Tracking;

/// <summary>Distances in pixels for telling people apart: between two points, and a detection's body size.</summary>
public static class PixelDistance
{
    public static float Between(float x0, float y0, float x1, float y1)
    {
        float dx = x1 - x0, dy = y1 - y0;
        return MathF.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>
    /// A detection's body size: hip centre to the full-body point (the radius of the circle round the body, about half
    /// the standing height) — the same measure the tracking ROI is built from (|aux34 − aux33|).
    /// </summary>
    public static float BodySize(in PoseDetection d, int imageWidth, int imageHeight) =>
        Between(d.HipCenterX * imageWidth, d.HipCenterY * imageHeight, d.BodyPointX * imageWidth, d.BodyPointY * imageHeight);
}
