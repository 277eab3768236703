namespace ValgusVision.Pose.Detection;

/// <summary>
/// MediaPipe's weighted non-maximum suppression (docs/pose-pipeline.md#detections): IoU of the face boxes, threshold 0.3; each
/// output is the top remaining detection with its box corners and keypoints replaced by the score-weighted mean of
/// every detection overlapping it by more than the threshold (itself included), keeping the top score.
/// Outputs come in descending score order. Holds scratch buffers so a call allocates nothing.
/// </summary>
public sealed class WeightedNms
{
    public const float DefaultIouThreshold = 0.3f;

    private readonly float _iouThreshold;
    private readonly float[] _sortKeys;
    private readonly int[] _remaining;
    private readonly int[] _rest;

    public WeightedNms(int capacity = SsdAnchors.Count, float iouThreshold = DefaultIouThreshold)
    {
        _iouThreshold = iouThreshold;
        _sortKeys = new float[capacity];
        _remaining = new int[capacity];
        _rest = new int[capacity];
    }

    /// <summary>Suppresses <paramref name="input"/> into <paramref name="output"/>; returns the number written.</summary>
    public int Run(ReadOnlySpan<PoseDetection> input, Span<PoseDetection> output)
    {
        int remainingCount = input.Length;
        if (remainingCount > _remaining.Length)
        {
            throw new ArgumentException($"{input.Length} detections exceed the NMS capacity of {_remaining.Length}");
        }

        for (int i = 0; i < remainingCount; i++)
        {
            _remaining[i] = i;
            _sortKeys[i] = -input[i].Score;
        }

        // Descending score; MediaPipe's std::sort is not stable either.
        Array.Sort(_sortKeys, _remaining, 0, remainingCount);

        Span<double> keypoints = stackalloc double[DetectionKeypoints.Length];
        int outCount = 0;
        while (remainingCount > 0)
        {
            ref readonly PoseDetection top = ref input[_remaining[0]];
            int restCount = 0;
            double total = 0, xMin = 0, yMin = 0, xMax = 0, yMax = 0;
            keypoints.Clear();
            int candidates = 0;
            for (int j = 0; j < remainingCount; j++)
            {
                int index = _remaining[j];
                ref readonly PoseDetection other = ref input[index];
                if (IntersectionOverUnion(other, top) > _iouThreshold)
                {
                    candidates++;
                    float s = other.Score;
                    total += s;
                    xMin += other.XMin * s;
                    yMin += other.YMin * s;
                    xMax += (other.XMin + other.Width) * s;
                    yMax += (other.YMin + other.Height) * s;
                    for (int k = 0; k < DetectionKeypoints.Length; k++)
                    {
                        keypoints[k] += other.Keypoints[k] * s;
                    }
                }
                else
                {
                    _rest[restCount++] = index;
                }
            }

            PoseDetection weighted = top;
            if (candidates > 0)
            {
                weighted.XMin = (float)(xMin / total);
                weighted.YMin = (float)(yMin / total);
                weighted.Width = (float)(xMax / total) - weighted.XMin;
                weighted.Height = (float)(yMax / total) - weighted.YMin;
                for (int k = 0; k < DetectionKeypoints.Length; k++)
                {
                    weighted.Keypoints[k] = (float)(keypoints[k] / total);
                }
            }

            if (outCount < output.Length)
            {
                output[outCount] = weighted;
            }

            outCount++;

            // Nothing was absorbed (a zero-area top box): MediaPipe stops here.
            if (restCount == remainingCount)
            {
                break;
            }

            Array.Copy(_rest, _remaining, restCount);
            remainingCount = restCount;
        }

        return Math.Min(outCount, output.Length);
    }

    /// <summary>Area of intersection over area of union of two face boxes; 0 when they do not intersect.</summary>
    public static float IntersectionOverUnion(in PoseDetection a, in PoseDetection b)
    {
        float ix0 = Math.Max(a.XMin, b.XMin);
        float iy0 = Math.Max(a.YMin, b.YMin);
        float ix1 = Math.Min(a.XMin + a.Width, b.XMin + b.Width);
        float iy1 = Math.Min(a.YMin + a.Height, b.YMin + b.Height);
        if (ix1 < ix0 || iy1 < iy0)
        {
            return 0f;
        }

        float intersection = (ix1 - ix0) * (iy1 - iy0);
        float union = a.Width * a.Height + b.Width * b.Height - intersection;
        return union > 0 ? intersection / union : 0f;
    }
}
