namespace ValgusVision.ModelTools.Converter;

/// <summary>
/// Where an ONNX value's axes come from. <see cref="Tf"/>: exactly as the TFLite tensor (NHWC for 4-D).
/// <see cref="Nchw"/>: a 4-D NHWC tensor transposed to NCHW, which ONNX Runtime's convolution kernels want.
/// </summary>
internal enum TensorLayout
{
    Tf,
    Nchw,
}

/// <summary>Axis permutations between NHWC and NCHW, and a row-major permute for constants.</summary>
internal static class LayoutPermutation
{
    /// <summary>ONNX Transpose perm that turns NHWC into NCHW: NCHW axis a is NHWC axis <c>NhwcToNchw[a]</c>.</summary>
    public static readonly long[] NhwcToNchw = [0, 3, 1, 2];

    /// <summary>ONNX Transpose perm that turns NCHW back into NHWC.</summary>
    public static readonly long[] NchwToNhwc = [0, 2, 3, 1];

    /// <summary>Position in NCHW of NHWC axis <paramref name="nhwcAxis"/> (0→0, 1→2, 2→3, 3→1).</summary>
    public static int NchwPositionOf(int nhwcAxis) => nhwcAxis switch
    {
        0 => 0,
        1 => 2,
        2 => 3,
        3 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(nhwcAxis), nhwcAxis, "a 4-D axis is 0..3"),
    };

    /// <summary>
    /// Row-major transpose of <paramref name="data"/> with shape <paramref name="shape"/>: output axis k is
    /// input axis <paramref name="perm"/>[k] (ONNX Transpose semantics).
    /// </summary>
    public static float[] Permute(float[] data, int[] shape, int[] perm, out int[] permutedShape)
    {
        int rank = shape.Length;
        permutedShape = new int[rank];
        for (int k = 0; k < rank; k++)
        {
            permutedShape[k] = shape[perm[k]];
        }

        var inStrides = new long[rank];
        long s = 1;
        for (int a = rank - 1; a >= 0; a--)
        {
            inStrides[a] = s;
            s *= shape[a];
        }

        if (s != data.Length)
        {
            throw new ArgumentException($"{data.Length} values do not fill shape [{string.Join(',', shape)}]");
        }

        var result = new float[data.Length];
        var index = new int[rank];
        for (long o = 0; o < result.Length; o++)
        {
            long source = 0;
            for (int k = 0; k < rank; k++)
            {
                source += index[k] * inStrides[perm[k]];
            }

            result[o] = data[source];

            // Advance the output multi-index in row-major order.
            for (int k = rank - 1; k >= 0; k--)
            {
                if (++index[k] < permutedShape[k])
                {
                    break;
                }

                index[k] = 0;
            }
        }

        return result;
    }
}
