using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Landmarks;

/// <summary>
/// World landmarks (docs/pose-pipeline.md#landmark-model): the 117-vector as 39 × (x, y, z) metres, as they are, keeping the 33 body
/// points; visibility copied from the ROI-space body landmarks; rotated about z by the ROI rotation; no translation.
/// </summary>
public static class WorldLandmarkProjector
{
    public static void Project(
        ReadOnlySpan<float> raw,
        ReadOnlySpan<Landmark> roiLandmarks,
        float roiRotationRadians,
        Span<WorldLandmark> world)
    {
        int n = BodyLandmarks.Count;
        if (raw.Length < n * 3 || roiLandmarks.Length < n || world.Length < n)
        {
            throw new ArgumentException(
                $"world tensor of {raw.Length} values, {roiLandmarks.Length} landmarks or {world.Length} outputs: need {n * 3}, {n}, {n}");
        }

        float cos = MathF.Cos(roiRotationRadians);
        float sin = MathF.Sin(roiRotationRadians);
        for (int i = 0; i < n; i++)
        {
            float x = raw[3 * i];
            float y = raw[3 * i + 1];
            world[i] = new WorldLandmark(cos * x - sin * y, sin * x + cos * y, raw[3 * i + 2], roiLandmarks[i].Visibility);
        }
    }
}
