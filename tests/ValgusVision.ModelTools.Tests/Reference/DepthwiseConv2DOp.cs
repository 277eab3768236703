namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>
/// TFLite DEPTHWISE_CONV_2D: input [N,H,W,Ci], filter [1,KH,KW,Ci·M], bias [Ci·M] → [N,OH,OW,Ci·M].
/// Output channel o = c·M + m reads only input channel c:
/// out[n,y,x,o] = act(bias[o] + Σ_{ky,kx} in[n, y·sh − padT + ky·dh, x·sw − padL + kx·dw, c] · f[0,ky,kx,o]).
/// </summary>
public static class DepthwiseConv2DOp
{
    public static ReferenceTensor Run(
        ReferenceTensor input,
        ReferenceTensor filter,
        ReferenceTensor? bias,
        PaddingKind padding,
        int strideH,
        int strideW,
        int dilationH,
        int dilationW,
        int depthMultiplier,
        FusedActivation activation)
    {
        const string op = "DEPTHWISE_CONV_2D";
        input.RequireFloat32(op, "input");
        filter.RequireFloat32(op, "filter");
        var (n, h, w, ci) = input.Nhwc(op, "input");
        var (one, kh, kw, co) = filter.Nhwc(op, "filter");
        // The schema's depth_multiplier is advisory (older converters wrote 0); TFLite derives it from the shapes.
        if (one != 1 || co % ci != 0)
        {
            throw new ArgumentException($"{op}: filter {filter.ShapeText} does not fit input {input.ShapeText}");
        }
        int m = co / ci;
        if (depthMultiplier > 0 && depthMultiplier != m)
        {
            throw new ArgumentException($"{op}: depth_multiplier {depthMultiplier} but filter {filter.ShapeText} implies {m}");
        }
        if (bias != null && bias.Data.Length != co)
        {
            throw new ArgumentException($"{op}: bias {bias.ShapeText} must hold {co} values");
        }
        var ay = WindowAxis.Compute(padding, h, kh, strideH, dilationH);
        var ax = WindowAxis.Compute(padding, w, kw, strideW, dilationW);
        var output = ReferenceTensor.Zeros(n, ay.OutputSize, ax.OutputSize, co);
        double[] inData = input.Data, fData = filter.Data, outData = output.Data;
        double[]? bData = bias?.Data;
        int rows = n * ay.OutputSize;
        Parallel.For(0, rows, row =>
        {
            int b = row / ay.OutputSize, oy = row % ay.OutputSize;
            var acc = new double[co];
            var widened = m == 1 ? null : new double[co];
            for (int ox = 0; ox < ax.OutputSize; ox++)
            {
                if (bData == null)
                {
                    Array.Clear(acc);
                }
                else
                {
                    bData.CopyTo(acc, 0);
                }
                for (int ky = 0; ky < kh; ky++)
                {
                    int iy = oy * strideH - ay.PadBefore + ky * dilationH;
                    if (iy < 0 || iy >= h)
                    {
                        continue;
                    }
                    for (int kx = 0; kx < kw; kx++)
                    {
                        int ix = ox * strideW - ax.PadBefore + kx * dilationW;
                        if (ix < 0 || ix >= w)
                        {
                            continue;
                        }
                        int inOffset = ((b * h + iy) * w + ix) * ci;
                        ReadOnlySpan<double> pixel = inData.AsSpan(inOffset, ci);
                        if (widened != null)
                        {
                            for (int c = 0; c < ci; c++)
                            {
                                for (int k = 0; k < m; k++)
                                {
                                    widened[c * m + k] = pixel[c];
                                }
                            }
                            pixel = widened;
                        }
                        DoubleKernels.MultiplyAccumulate(acc, pixel, fData.AsSpan((ky * kw + kx) * co, co));
                    }
                }
                int outOffset = ((b * ay.OutputSize + oy) * ax.OutputSize + ox) * co;
                for (int o = 0; o < co; o++)
                {
                    outData[outOffset + o] = activation.Apply(acc[o]);
                }
            }
        });
        return output;
    }
}
