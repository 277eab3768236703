namespace ValgusVision.Pose.Detection;

/// <summary>
/// Turns the detector's raw outputs into scored candidates (docs/pose-pipeline.md#detections, TensorsToDetectionsCalculator with
/// pose_detection_cpu.pbtxt's options): XYWH boxes and 4 keypoints relative to the anchors, in 224-pixel units.
/// </summary>
public static class DetectionDecoder
{
    public const int ValuesPerAnchor = 12;

    private const float Scale = 224f;

    private const float ScoreClip = 100f;

    /// <summary>
    /// Decodes every anchor whose sigmoid score is ≥ <paramref name="minScore"/> into <paramref name="output"/>
    /// (capacity ≥ <see cref="SsdAnchors.Count"/>) and returns how many were written, in anchor order.
    /// </summary>
    public static int Decode(
        ReadOnlySpan<float> regressors,
        ReadOnlySpan<float> scoreLogits,
        float minScore,
        Span<PoseDetection> output)
    {
        if (regressors.Length < SsdAnchors.Count * ValuesPerAnchor || scoreLogits.Length < SsdAnchors.Count)
        {
            throw new ArgumentException(
                $"detector outputs too short: {regressors.Length} regressors and {scoreLogits.Length} scores, " +
                $"expected {SsdAnchors.Count * ValuesPerAnchor} and {SsdAnchors.Count}");
        }

        float[] anchors = SsdAnchors.Centers;
        int count = 0;
        for (int i = 0; i < SsdAnchors.Count; i++)
        {
            float score = Sigmoid(Math.Clamp(scoreLogits[i], -ScoreClip, ScoreClip));
            if (!(score >= minScore))
            {
                continue;
            }

            float ax = anchors[2 * i];
            float ay = anchors[2 * i + 1];
            ReadOnlySpan<float> row = regressors.Slice(i * ValuesPerAnchor, ValuesPerAnchor);

            // reverse_output_order: the box is x-centre, y-centre, width, height; anchor w = h = 1, linear size.
            float xCenter = row[0] / Scale + ax;
            float yCenter = row[1] / Scale + ay;
            float w = row[2] / Scale;
            float h = row[3] / Scale;

            // MediaPipe drops boxes with negative or NaN size.
            if (!(w >= 0) || !(h >= 0))
            {
                continue;
            }

            ref PoseDetection d = ref output[count++];
            d.Score = score;
            d.XMin = xCenter - w / 2;
            d.YMin = yCenter - h / 2;
            d.Width = w;
            d.Height = h;
            for (int k = 0; k < DetectionKeypoints.Count; k++)
            {
                d.Keypoints[2 * k] = row[4 + 2 * k] / Scale + ax;
                d.Keypoints[2 * k + 1] = row[4 + 2 * k + 1] / Scale + ay;
            }
        }

        return count;
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
