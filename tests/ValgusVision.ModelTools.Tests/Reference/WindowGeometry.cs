namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>TFLite's Padding enum (schema order).</summary>
public enum PaddingKind
{
    Same = 0,
    Valid = 1,
}

/// <summary>
/// Output size and leading padding of one spatial axis of a sliding-window op, as TFLite's
/// ComputePaddingHeightWidth defines them. SAME: out = ceil(in/stride) and the total padding is split with
/// the odd element at the end (bottom/right), so a stride-2 SAME window on an even input pads only after.
/// VALID: out = ceil((in − effectiveKernel + 1)/stride), no padding.
/// </summary>
public readonly record struct WindowAxis(int OutputSize, int PadBefore)
{
    public static WindowAxis Compute(PaddingKind padding, int inputSize, int kernel, int stride, int dilation)
    {
        if (stride < 1 || dilation < 1 || kernel < 1)
        {
            throw new ArgumentException($"window kernel {kernel}, stride {stride}, dilation {dilation}: all must be ≥ 1");
        }
        int effectiveKernel = (kernel - 1) * dilation + 1;
        int output = padding == PaddingKind.Same
            ? (inputSize + stride - 1) / stride
            : (inputSize - effectiveKernel + stride) / stride;
        if (output < 1)
        {
            throw new ArgumentException($"window of {effectiveKernel} does not fit an input of {inputSize} with {padding} padding");
        }
        int total = Math.Max((output - 1) * stride + effectiveKernel - inputSize, 0);
        return new WindowAxis(output, padding == PaddingKind.Same ? total / 2 : 0);
    }
}
