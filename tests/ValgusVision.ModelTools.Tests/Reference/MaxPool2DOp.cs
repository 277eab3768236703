namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>
/// TFLite MAX_POOL_2D on NHWC: the maximum over the window's taps that lie inside the input (SAME padding
/// never contributes a value), then the fused activation.
/// </summary>
public static class MaxPool2DOp
{
    public static ReferenceTensor Run(
        ReferenceTensor input,
        PaddingKind padding,
        int filterH,
        int filterW,
        int strideH,
        int strideW,
        FusedActivation activation)
    {
        const string op = "MAX_POOL_2D";
        input.RequireFloat32(op, "input");
        var (n, h, w, c) = input.Nhwc(op, "input");
        var ay = WindowAxis.Compute(padding, h, filterH, strideH, 1);
        var ax = WindowAxis.Compute(padding, w, filterW, strideW, 1);
        var output = ReferenceTensor.Zeros(n, ay.OutputSize, ax.OutputSize, c);
        for (int b = 0; b < n; b++)
        {
            for (int oy = 0; oy < ay.OutputSize; oy++)
            {
                for (int ox = 0; ox < ax.OutputSize; ox++)
                {
                    for (int ch = 0; ch < c; ch++)
                    {
                        double max = double.NegativeInfinity;
                        for (int ky = 0; ky < filterH; ky++)
                        {
                            int iy = oy * strideH - ay.PadBefore + ky;
                            if (iy < 0 || iy >= h)
                            {
                                continue;
                            }
                            for (int kx = 0; kx < filterW; kx++)
                            {
                                int ix = ox * strideW - ax.PadBefore + kx;
                                if (ix < 0 || ix >= w)
                                {
                                    continue;
                                }
                                max = Math.Max(max, input.Data[((b * h + iy) * w + ix) * c + ch]);
                            }
                        }
                        output.Data[((b * ay.OutputSize + oy) * ax.OutputSize + ox) * c + ch] = activation.Apply(max);
                    }
                }
            }
        }
        return output;
    }
}
