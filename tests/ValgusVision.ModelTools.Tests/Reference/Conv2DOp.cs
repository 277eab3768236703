namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>
/// TFLite CONV_2D: input [N,H,W,Ci], filter [Co,KH,KW,Ci], bias [Co] (optional) → [N,OH,OW,Co].
/// out[n,y,x,o] = act(bias[o] + Σ_{ky,kx,c} in[n, y·sh − padT + ky·dh, x·sw − padL + kx·dw, c] · f[o,ky,kx,c]),
/// taps outside the input count as zero.
/// </summary>
public static class Conv2DOp
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
        FusedActivation activation)
    {
        const string op = "CONV_2D";
        input.RequireFloat32(op, "input");
        filter.RequireFloat32(op, "filter");
        var (n, h, w, ci) = input.Nhwc(op, "input");
        var (co, kh, kw, fci) = filter.Nhwc(op, "filter");
        if (fci != ci)
        {
            throw new ArgumentException($"{op}: filter {filter.ShapeText} has {fci} input channels, input {input.ShapeText} has {ci}");
        }
        if (bias != null && (bias.Data.Length != co))
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
            for (int ox = 0; ox < ax.OutputSize; ox++)
            {
                int outOffset = ((b * ay.OutputSize + oy) * ax.OutputSize + ox) * co;
                for (int o = 0; o < co; o++)
                {
                    double sum = bData == null ? 0 : bData[o];
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
                            int fOffset = ((o * kh + ky) * kw + kx) * ci;
                            sum += DoubleKernels.Dot(inData.AsSpan(inOffset, ci), fData.AsSpan(fOffset, ci));
                        }
                    }
                    outData[outOffset + o] = activation.Apply(sum);
                }
            }
        });
        return output;
    }
}
