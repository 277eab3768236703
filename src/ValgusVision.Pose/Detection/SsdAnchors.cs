namespace ValgusVision.Pose.Detection;

/// <summary>
/// The pose detector's 2254 SSD anchor centres (docs/pose-pipeline.md#anchors), in the order the model's output rows use.
/// With fixed_anchor_size every anchor has width = height = 1, so only centres are kept.
/// </summary>
public static class SsdAnchors
{
    public const int Count = 2254;

    private const int InputSize = 224;

    // Options of pose_detection_cpu.pbtxt: 5 layers with these strides; consecutive equal strides share one grid.
    private static readonly int[] Strides = [8, 16, 32, 32, 32];

    // One anchor per aspect ratio (1.0) plus the interpolated-scale anchor: 2 per layer.
    private const int AnchorsPerLayer = 2;

    /// <summary>Anchor centres as (x, y) pairs normalised to the 224×224 input: element 2i is x of anchor i.</summary>
    public static float[] Centers { get; } = Generate();

    private static float[] Generate()
    {
        var centers = new float[Count * 2];
        int n = 0;
        int layer = 0;
        while (layer < Strides.Length)
        {
            int lastSameStride = layer;
            int anchorsPerCell = 0;
            while (lastSameStride < Strides.Length && Strides[lastSameStride] == Strides[layer])
            {
                anchorsPerCell += AnchorsPerLayer;
                lastSameStride++;
            }

            int grid = (InputSize + Strides[layer] - 1) / Strides[layer];
            for (int y = 0; y < grid; y++)
            {
                for (int x = 0; x < grid; x++)
                {
                    for (int a = 0; a < anchorsPerCell; a++)
                    {
                        // anchor_offset 0.5: the centre of the grid cell.
                        centers[n++] = (x + 0.5f) / grid;
                        centers[n++] = (y + 0.5f) / grid;
                    }
                }
            }

            layer = lastSameStride;
        }

        if (n != centers.Length)
        {
            throw new InvalidOperationException($"SSD anchor recipe produced {n / 2} anchors, expected {Count}");
        }

        return centers;
    }
}
