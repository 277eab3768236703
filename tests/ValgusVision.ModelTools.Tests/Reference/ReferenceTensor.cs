namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>What a tensor held in the TFLite file (the reference keeps every value as a double).</summary>
public enum ReferenceElementType
{
    Float32,
    Float16,
    Int32,
}

/// <summary>
/// A dense tensor of the reference interpreter: NHWC/row-major shape and its values in double.
/// Every element type is widened to double (exact for float16, float32 and int32), so the type tag is
/// kept only to check that the graph feeds each op what TFLite would (e.g. weights dequantized first).
/// Ops never write into their inputs, so tensors may share one values array (RESHAPE, DEQUANTIZE do).
/// </summary>
public sealed class ReferenceTensor
{
    public ReferenceTensor(int[] shape, double[] data, ReferenceElementType elementType = ReferenceElementType.Float32)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        long count = ElementCount(shape);
        if (count != data.Length)
        {
            throw new ArgumentException(
                $"tensor shape [{string.Join(",", shape)}] holds {count} elements but {data.Length} values were given",
                nameof(data));
        }
        Shape = shape;
        Data = data;
        ElementType = elementType;
    }

    public int[] Shape { get; }

    public double[] Data { get; }

    public ReferenceElementType ElementType { get; }

    public int Rank => Shape.Length;

    public static ReferenceTensor Zeros(params int[] shape) => new(shape, new double[ElementCount(shape)]);

    public static long ElementCount(int[] shape)
    {
        long count = 1;
        foreach (int d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"tensor shape [{string.Join(",", shape)}] has a negative dimension", nameof(shape));
            }
            count *= d;
        }
        return count;
    }

    public string ShapeText => "[" + string.Join(",", Shape) + "]";

    /// <summary>Reads the 4-D NHWC shape, failing with the op's name when the rank is not 4.</summary>
    public (int N, int H, int W, int C) Nhwc(string op, string role)
    {
        if (Rank != 4)
        {
            throw new ArgumentException($"{op}: {role} must be 4-D NHWC, got {ShapeText}");
        }
        return (Shape[0], Shape[1], Shape[2], Shape[3]);
    }

    public void RequireFloat32(string op, string role)
    {
        if (ElementType != ReferenceElementType.Float32)
        {
            throw new ArgumentException($"{op}: {role} must be FLOAT32, got {ElementType} (a DEQUANTIZE missing?)");
        }
    }
}
