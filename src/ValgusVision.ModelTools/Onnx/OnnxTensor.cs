using System.Buffers.Binary;

namespace ValgusVision.ModelTools.Onnx;

/// <summary>A constant tensor (an initializer): name, dimensions, element type and little-endian raw bytes.</summary>
public sealed record OnnxTensor(string Name, long[] Dims, OnnxDataType DataType, byte[] RawData)
{
    /// <summary>A float32 tensor; <paramref name="values"/> are in row-major order of <paramref name="dims"/>.</summary>
    public static OnnxTensor FromFloats(string name, long[] dims, ReadOnlySpan<float> values)
    {
        CheckCount(name, dims, values.Length);
        var raw = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(4 * i), values[i]);
        }

        return new OnnxTensor(name, dims, OnnxDataType.Float, raw);
    }

    /// <summary>An int64 tensor (shapes, pads and sizes in ONNX are int64).</summary>
    public static OnnxTensor FromInt64s(string name, long[] dims, ReadOnlySpan<long> values)
    {
        CheckCount(name, dims, values.Length);
        var raw = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(8 * i), values[i]);
        }

        return new OnnxTensor(name, dims, OnnxDataType.Int64, raw);
    }

    private static void CheckCount(string name, long[] dims, int count)
    {
        long n = 1;
        foreach (long d in dims)
        {
            n *= d;
        }

        if (n != count)
        {
            throw new ArgumentException($"tensor '{name}': {count} values for dims [{string.Join(',', dims)}]");
        }
    }
}
