using System.Buffers.Binary;

namespace ValgusVision.ModelTools.TfLite;

/// <summary>
/// One tensor of a subgraph. <see cref="Data"/> is the raw little-endian content of its buffer (empty for
/// activations); for a sparse tensor (<see cref="Sparsity"/> not null) it holds only the stored values.
/// </summary>
public sealed class TfLiteTensor
{
    internal TfLiteTensor(
        int index,
        string name,
        int[] shape,
        TfLiteTensorType type,
        int bufferIndex,
        ReadOnlyMemory<byte> data,
        TfLiteQuantization? quantization,
        TfLiteSparsity? sparsity)
    {
        Index = index;
        Name = name;
        Shape = shape;
        Type = type;
        BufferIndex = bufferIndex;
        Data = data;
        Quantization = quantization;
        Sparsity = sparsity;
    }

    /// <summary>Position in the subgraph's tensor list (what operators' inputs and outputs refer to).</summary>
    public int Index { get; }

    public string Name { get; }

    /// <summary>Dimensions as stored in the file (NHWC for images, [O,H,W,I] for convolution kernels).</summary>
    public int[] Shape { get; }

    public TfLiteTensorType Type { get; }

    /// <summary>Index into the model's buffers; 0 is the empty sentinel buffer.</summary>
    public int BufferIndex { get; }

    /// <summary>Raw bytes of the tensor's buffer, little-endian; empty when the tensor is computed at run time.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Quantization table when the file has one (it may be present but empty).</summary>
    public TfLiteQuantization? Quantization { get; }

    /// <summary>True when the tensor carries real quantization parameters (a scale).</summary>
    public bool IsQuantized => Quantization is { IsQuantized: true };

    public TfLiteSparsity? Sparsity { get; }

    /// <summary>True when the tensor has constant data in the file.</summary>
    public bool HasData => !Data.IsEmpty;

    /// <summary>Product of the shape's dimensions (1 for a scalar).</summary>
    public long ElementCount
    {
        get
        {
            long n = 1;
            foreach (int d in Shape)
            {
                n *= d;
            }

            return n;
        }
    }

    /// <summary>
    /// The stored values as float: FLOAT32 as is, FLOAT16 widened exactly. For a sparse tensor these are
    /// only the stored (non-zero) values, in traversal order.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tensor is of another type or its byte count is not a whole number of elements.</exception>
    public float[] ToFloatArray()
    {
        ReadOnlySpan<byte> bytes = Data.Span;
        switch (Type)
        {
            case TfLiteTensorType.FLOAT32:
                {
                    RequireWhole(bytes.Length, 4);
                    var values = new float[bytes.Length / 4];
                    for (int i = 0; i < values.Length; i++)
                    {
                        values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(4 * i, 4));
                    }

                    return values;
                }

            case TfLiteTensorType.FLOAT16:
                {
                    RequireWhole(bytes.Length, 2);
                    var values = new float[bytes.Length / 2];
                    for (int i = 0; i < values.Length; i++)
                    {
                        values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.Slice(2 * i, 2));
                    }

                    return values;
                }

            default:
                throw new InvalidOperationException($"tensor '{Name}' is {Type}, not FLOAT32 or FLOAT16");
        }
    }

    /// <summary>The stored values of an INT32 tensor (shape and padding constants).</summary>
    /// <exception cref="InvalidOperationException">The tensor is not INT32 or its byte count is not a multiple of 4.</exception>
    public int[] ToInt32Array()
    {
        if (Type != TfLiteTensorType.INT32)
        {
            throw new InvalidOperationException($"tensor '{Name}' is {Type}, not INT32");
        }

        ReadOnlySpan<byte> bytes = Data.Span;
        RequireWhole(bytes.Length, 4);
        var values = new int[bytes.Length / 4];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(4 * i, 4));
        }

        return values;
    }

    public override string ToString() => $"{Name} {Type} [{string.Join(',', Shape)}]";

    private void RequireWhole(int byteCount, int elementSize)
    {
        if (byteCount % elementSize != 0)
        {
            throw new InvalidOperationException($"tensor '{Name}' has {byteCount} bytes, not a whole number of {Type} elements");
        }
    }
}
