using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Landmarks;

/// <summary>
/// TensorsToLandmarksCalculator as the pose graph configures it (docs/pose-pipeline.md#landmark-model): the 195-vector as 39 × (x, y, z,
/// visibility, presence) in pixels of the 256 input → ROI-normalised x, y, z (z divided by the width too) with
/// sigmoid visibility and presence.
/// </summary>
public static class LandmarkDecoder
{
    /// <summary>33 body landmarks, 2 auxiliary (ROI) landmarks, 4 undocumented alignment points.</summary>
    public const int ModelLandmarkCount = 39;

    public const int AuxiliaryCenterIndex = 33;

    public const int AuxiliaryScaleIndex = 34;

    public const int InputSize = 256;

    public static void Decode(ReadOnlySpan<float> raw, Span<Landmark> roiLandmarks)
    {
        if (raw.Length < ModelLandmarkCount * 5 || roiLandmarks.Length < ModelLandmarkCount)
        {
            throw new ArgumentException(
                $"landmark tensor of {raw.Length} values (need {ModelLandmarkCount * 5}) or output of " +
                $"{roiLandmarks.Length} landmarks (need {ModelLandmarkCount})");
        }

        for (int i = 0; i < ModelLandmarkCount; i++)
        {
            int o = 5 * i;
            roiLandmarks[i] = new Landmark(
                raw[o] / InputSize,
                raw[o + 1] / InputSize,
                raw[o + 2] / InputSize,
                Sigmoid(raw[o + 3]),
                Sigmoid(raw[o + 4]));
        }
    }

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
