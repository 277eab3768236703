namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>
/// TFLite DEQUANTIZE as used by these models: FLOAT16 weights → FLOAT32. The half values are decoded
/// from their IEEE 754 binary16 bits here, by hand, so the reference does not rely on anyone's Half.
/// </summary>
public static class DequantizeOp
{
    public static ReferenceTensor Run(ReferenceTensor input)
    {
        if (input.ElementType != ReferenceElementType.Float16)
        {
            throw new NotSupportedException($"DEQUANTIZE: input of type {input.ElementType}; the reference only dequantizes FLOAT16");
        }
        // The float16 values are already held exactly as doubles: only the type changes (ops never write
        // into their inputs, so sharing the array is safe).
        return new ReferenceTensor((int[])input.Shape.Clone(), input.Data);
    }

    /// <summary>binary16: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits; exponent 0 is subnormal.</summary>
    public static double HalfBitsToDouble(ushort bits)
    {
        int sign = bits >> 15;
        int exponent = (bits >> 10) & 0x1F;
        int fraction = bits & 0x3FF;
        double magnitude = exponent switch
        {
            0 => Math.ScaleB(fraction, -24),
            0x1F => fraction == 0 ? double.PositiveInfinity : double.NaN,
            _ => Math.ScaleB(1024 + fraction, exponent - 25),
        };
        return sign == 1 ? -magnitude : magnitude;
    }

    public static double[] DecodeHalfBuffer(ReadOnlySpan<byte> bytes, string tensorName)
    {
        if (bytes.Length % 2 != 0)
        {
            throw new ArgumentException($"FLOAT16 tensor '{tensorName}' has an odd buffer length {bytes.Length}");
        }
        var values = new double[bytes.Length / 2];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = HalfBitsToDouble((ushort)(bytes[2 * i] | (bytes[2 * i + 1] << 8)));
        }
        return values;
    }
}
