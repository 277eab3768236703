namespace ValgusVision.ModelTools.Converter;

/// <summary>
/// TensorFlow's padding rule for one spatial axis. SAME: the output has ceil(in/stride) positions and the
/// total padding that needs is split with the smaller half before, so an odd total puts the extra row or
/// column at the bottom/right (what ONNX calls SAME_UPPER). VALID: no padding.
/// </summary>
internal static class TfSamePadding
{
    public static (int Before, int After, int OutputSize) Same(int inputSize, int kernel, int stride, int dilation)
    {
        int effectiveKernel = ((kernel - 1) * dilation) + 1;
        int output = (inputSize + stride - 1) / stride;
        int total = Math.Max(((output - 1) * stride) + effectiveKernel - inputSize, 0);
        int before = total / 2;
        return (before, total - before, output);
    }

    public static (int Before, int After, int OutputSize) Valid(int inputSize, int kernel, int stride, int dilation)
    {
        int effectiveKernel = ((kernel - 1) * dilation) + 1;
        int output = ((inputSize - effectiveKernel) / stride) + 1;
        return (0, 0, output);
    }
}
