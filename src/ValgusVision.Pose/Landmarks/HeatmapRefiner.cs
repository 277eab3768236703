using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Landmarks;

/// <summary>
/// RefineLandmarksFromHeatmapCalculator (docs/pose-pipeline.md#heatmap-refinement): moves each ROI-normalised landmark to the
/// sigmoid-weighted mean cell index of a 7×7 window of its 64×64 heatmap around the truncated cell, when the window's
/// maximum confidence is ≥ 0.5. z, visibility and presence stay. The window is a setting (an accuracy lever of issue
/// 12, docs/accuracy.md); 7 is MediaPipe's, 0 turns the refinement off.
/// </summary>
public static class HeatmapRefiner
{
    public const int HeatmapSize = 64;

    public const int KernelSize = 7;

    public const float MinConfidenceToRefine = 0.5f;

    /// <param name="heatmap">Logits, NHWC [64, 64, channels]; channel i belongs to landmark i.</param>
    /// <param name="kernelSize">The window's side in heatmap cells (odd); 0 leaves the landmarks as decoded.</param>
    public static void Refine(ReadOnlySpan<float> heatmap, int channels, Span<Landmark> roiLandmarks, int kernelSize = KernelSize)
    {
        if (kernelSize == 0)
        {
            return;
        }

        if (kernelSize < 0 || kernelSize % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, "the heatmap window must be an odd number of cells, or 0 for none");
        }

        if (heatmap.Length < HeatmapSize * HeatmapSize * channels || roiLandmarks.Length > channels)
        {
            throw new ArgumentException(
                $"heatmap of {heatmap.Length} values for {channels} channels cannot refine {roiLandmarks.Length} landmarks");
        }

        int offset = (kernelSize - 1) / 2;
        int rowStride = HeatmapSize * channels;
        for (int i = 0; i < roiLandmarks.Length; i++)
        {
            Landmark lm = roiLandmarks[i];

            // A C++ float→int cast truncates toward zero, so (−1/64, 0) lands in cell 0 and is still refined.
            int centerCol = (int)(lm.X * HeatmapSize);
            int centerRow = (int)(lm.Y * HeatmapSize);

            // Faithful to MediaPipe, which compares the column (not the row) with the height here: a row below the
            // map is not skipped, and its window is clipped to the map (empty beyond row 66).
            if (centerCol < 0 || centerCol >= HeatmapSize || centerRow < 0 || centerCol >= HeatmapSize)
            {
                continue;
            }

            int beginCol = Math.Max(0, centerCol - offset);
            int endCol = Math.Min(HeatmapSize, centerCol + offset + 1);
            int beginRow = Math.Max(0, centerRow - offset);
            int endRow = Math.Min(HeatmapSize, centerRow + offset + 1);

            float sum = 0, weightedCol = 0, weightedRow = 0, maxConfidence = 0;
            for (int row = beginRow; row < endRow; row++)
            {
                for (int col = beginCol; col < endCol; col++)
                {
                    float confidence = LandmarkDecoder.Sigmoid(heatmap[row * rowStride + col * channels + i]);
                    sum += confidence;
                    maxConfidence = MathF.Max(maxConfidence, confidence);
                    weightedCol += col * confidence;
                    weightedRow += row * confidence;
                }
            }

            if (maxConfidence >= MinConfidenceToRefine && sum > 0)
            {
                // Cell indices, no +0.5 centre offset: this is what MediaPipe does.
                roiLandmarks[i] = lm with { X = weightedCol / HeatmapSize / sum, Y = weightedRow / HeatmapSize / sum };
            }
        }
    }
}
