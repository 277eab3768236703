namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>
/// TFLite RESIZE_BILINEAR (reference kernel) on NHWC. Per output row y (columns alike):
/// scale = in/out, or (in−1)/(out−1) with align_corners; source s = (y+0.5)·scale − 0.5 with
/// half_pixel_centers, else y·scale; y0 = max(floor(s), 0), y1 = min(ceil(s), in−1), weight of y1 = s − y0.
/// At the borders y0 = y1, so the weights still sum to one: the edge pixel is repeated (clamped).
/// The source coordinate is computed in float, as TFLite does, so the weights are bit-identical.
/// </summary>
public static class ResizeBilinearOp
{
    public static ReferenceTensor Run(ReferenceTensor input, int outHeight, int outWidth, bool alignCorners, bool halfPixelCenters)
    {
        const string op = "RESIZE_BILINEAR";
        input.RequireFloat32(op, "input");
        if (alignCorners && halfPixelCenters)
        {
            throw new ArgumentException($"{op}: align_corners and half_pixel_centers cannot both be set");
        }
        var (n, h, w, c) = input.Nhwc(op, "input");
        if (outHeight < 1 || outWidth < 1)
        {
            throw new ArgumentException($"{op}: output size {outHeight}×{outWidth} must be positive");
        }
        var rowTaps = Taps(h, outHeight, alignCorners, halfPixelCenters);
        var colTaps = Taps(w, outWidth, alignCorners, halfPixelCenters);
        var output = ReferenceTensor.Zeros(n, outHeight, outWidth, c);
        double[] src = input.Data, dst = output.Data;
        for (int b = 0; b < n; b++)
        {
            for (int y = 0; y < outHeight; y++)
            {
                var (y0, y1, fy) = rowTaps[y];
                for (int x = 0; x < outWidth; x++)
                {
                    var (x0, x1, fx) = colTaps[x];
                    int o00 = ((b * h + y0) * w + x0) * c, o10 = ((b * h + y1) * w + x0) * c;
                    int o01 = ((b * h + y0) * w + x1) * c, o11 = ((b * h + y1) * w + x1) * c;
                    int outOffset = ((b * outHeight + y) * outWidth + x) * c;
                    for (int ch = 0; ch < c; ch++)
                    {
                        dst[outOffset + ch] =
                            src[o00 + ch] * (1 - fy) * (1 - fx) + src[o10 + ch] * fy * (1 - fx) +
                            src[o01 + ch] * (1 - fy) * fx + src[o11 + ch] * fy * fx;
                    }
                }
            }
        }
        return output;
    }

    /// <summary>Lower tap, upper tap and the upper tap's weight for each output index along one axis.</summary>
    public static (int Lower, int Upper, double Fraction)[] Taps(int inSize, int outSize, bool alignCorners, bool halfPixelCenters)
    {
        float scale = alignCorners && outSize > 1 ? (float)(inSize - 1) / (outSize - 1) : (float)inSize / outSize;
        var taps = new (int, int, double)[outSize];
        for (int i = 0; i < outSize; i++)
        {
            float s = halfPixelCenters ? (i + 0.5f) * scale - 0.5f : i * scale;
            int lower = Math.Max((int)MathF.Floor(s), 0);
            int upper = Math.Min((int)MathF.Ceiling(s), inSize - 1);
            taps[i] = (lower, upper, s - lower);
        }
        return taps;
    }
}
