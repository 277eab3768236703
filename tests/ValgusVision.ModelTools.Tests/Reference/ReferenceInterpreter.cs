using System.Buffers.Binary;
using ValgusVision.ModelTools.TfLite;

namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>
/// Runs a TFLite subgraph's operators in file order with the reference ops (double, NHWC). It reads the
/// model only through the FlatBuffer reader (<see cref="TfLiteModel"/>) and decodes constants itself, so it
/// shares nothing with the converter's op mapping: a shared mistake there cannot hide here.
/// </summary>
public sealed class ReferenceInterpreter
{
    private readonly TfLiteSubgraph _graph;
    private readonly int[] _lastUse;

    // Constants decoded once per interpreter, not once per run (the heavy model has ~400 weight tensors).
    private readonly ReferenceTensor?[] _constants;

    public ReferenceInterpreter(TfLiteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelName = model.Name;
        _graph = model.Subgraph;
        // Intermediate tensors are dropped after their last reader, so the heavy model's activations
        // (held in double) do not all stay in memory at once.
        _constants = new ReferenceTensor?[_graph.Tensors.Count];
        _lastUse = new int[_graph.Tensors.Count];
        Array.Fill(_lastUse, -1);
        foreach (var op in _graph.Operators)
        {
            foreach (int t in op.Inputs)
            {
                if (t >= 0)
                {
                    _lastUse[t] = op.Index;
                }
            }
        }
        foreach (int t in _graph.Outputs)
        {
            _lastUse[t] = int.MaxValue;
        }
    }

    public string ModelName { get; }

    public IReadOnlyList<TfLiteTensor> Inputs => _graph.InputTensors;

    public IReadOnlyList<TfLiteTensor> Outputs => _graph.OutputTensors;

    /// <summary>Runs the graph on one FLOAT32 input per graph input (by tensor name); returns every graph output by name.</summary>
    public IReadOnlyDictionary<string, ReferenceTensor> Run(IReadOnlyDictionary<string, ReferenceTensor> inputs)
    {
        var values = new ReferenceTensor?[_graph.Tensors.Count];
        foreach (int index in _graph.Inputs)
        {
            var tensor = _graph.Tensors[index];
            if (!inputs.TryGetValue(tensor.Name, out var given))
            {
                throw new ArgumentException($"{ModelName}: no value given for graph input '{tensor.Name}'");
            }
            if (ReferenceTensor.ElementCount(given.Shape) != tensor.ElementCount || given.Rank != tensor.Shape.Length)
            {
                throw new ArgumentException(
                    $"{ModelName}: input '{tensor.Name}' is [{string.Join(",", tensor.Shape)}], given {given.ShapeText}");
            }
            values[index] = new ReferenceTensor((int[])tensor.Shape.Clone(), given.Data);
        }

        foreach (var op in _graph.Operators)
        {
            if (op.Outputs.Length != 1)
            {
                throw new NotSupportedException($"{ModelName}: operator {op.Index} ({op.Op}) has {op.Outputs.Length} outputs");
            }
            ReferenceTensor result;
            try
            {
                result = Execute(op, values);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw new InvalidOperationException($"{ModelName}: operator {op.Index} ({op.Op}): {e.Message}", e);
            }
            values[op.Outputs[0]] = result;
            foreach (int t in op.Inputs)
            {
                if (t >= 0 && _lastUse[t] == op.Index && !_graph.Tensors[t].HasData)
                {
                    values[t] = null;
                }
            }
        }

        var outputs = new Dictionary<string, ReferenceTensor>();
        foreach (int index in _graph.Outputs)
        {
            outputs[_graph.Tensors[index].Name] = values[index]
                ?? throw new InvalidOperationException($"{ModelName}: output '{_graph.Tensors[index].Name}' was never computed");
        }
        return outputs;
    }

    private ReferenceTensor Execute(TfLiteOperator op, ReferenceTensor?[] values)
    {
        ReferenceTensor In(int i) => Value(op, i, values);
        ReferenceTensor? Optional(int i) => i < op.Inputs.Length && op.Inputs[i] >= 0 ? In(i) : null;

        switch (op.Op)
        {
            case TfLiteBuiltinOperator.CONV_2D:
                {
                    var o = op.OptionsAs<TfLiteConv2DOptions>();
                    return Conv2DOp.Run(In(0), In(1), Optional(2), Padding(o.Padding), o.StrideHeight, o.StrideWidth,
                        o.DilationHeight, o.DilationWidth, Activation(o.Activation, op));
                }
            case TfLiteBuiltinOperator.DEPTHWISE_CONV_2D:
                {
                    var o = op.OptionsAs<TfLiteDepthwiseConv2DOptions>();
                    return DepthwiseConv2DOp.Run(In(0), In(1), Optional(2), Padding(o.Padding), o.StrideHeight, o.StrideWidth,
                        o.DilationHeight, o.DilationWidth, o.DepthMultiplier, Activation(o.Activation, op));
                }
            case TfLiteBuiltinOperator.ADD:
                return AddOp.Run(In(0), In(1), Activation(op.OptionsAs<TfLiteAddOptions>().Activation, op));
            case TfLiteBuiltinOperator.PAD:
                return PadOp.Run(In(0), In(1));
            case TfLiteBuiltinOperator.MAX_POOL_2D:
                {
                    var o = op.OptionsAs<TfLitePool2DOptions>();
                    return MaxPool2DOp.Run(In(0), Padding(o.Padding), o.FilterHeight, o.FilterWidth,
                        o.StrideHeight, o.StrideWidth, Activation(o.Activation, op));
                }
            case TfLiteBuiltinOperator.RESIZE_BILINEAR:
                {
                    var o = op.OptionsAs<TfLiteResizeBilinearOptions>();
                    var size = In(1);
                    if (size.Data.Length != 2)
                    {
                        throw new ArgumentException($"size tensor {size.ShapeText} must hold (height, width)");
                    }
                    return ResizeBilinearOp.Run(In(0), (int)size.Data[0], (int)size.Data[1], o.AlignCorners, o.HalfPixelCenters);
                }
            case TfLiteBuiltinOperator.DEPTH_TO_SPACE:
                return DepthToSpaceOp.Run(In(0), op.OptionsAs<TfLiteDepthToSpaceOptions>().BlockSize);
            case TfLiteBuiltinOperator.RESHAPE:
                return ReshapeOp.Run(In(0), ReshapeTarget(op, values));
            case TfLiteBuiltinOperator.LOGISTIC:
                return LogisticOp.Run(In(0));
            case TfLiteBuiltinOperator.CONCATENATION:
                {
                    var o = op.OptionsAs<TfLiteConcatenationOptions>();
                    var parts = new ReferenceTensor[op.Inputs.Length];
                    for (int i = 0; i < parts.Length; i++)
                    {
                        parts[i] = In(i);
                    }
                    return ConcatenationOp.Run(parts, o.Axis, Activation(o.Activation, op));
                }
            case TfLiteBuiltinOperator.DEQUANTIZE:
                return DequantizeOp.Run(In(0));
            case TfLiteBuiltinOperator.DENSIFY:
                return Densify(_graph.Tensors[op.Inputs[0]]);
            default:
                throw new NotSupportedException($"op {op.Op} is not implemented by the reference interpreter");
        }
    }

    private IReadOnlyList<int> ReshapeTarget(TfLiteOperator op, ReferenceTensor?[] values)
    {
        // TFLite takes the shape from the second input when there is one, else from the options.
        if (op.Inputs.Length > 1 && op.Inputs[1] >= 0)
        {
            var shape = Value(op, 1, values);
            var target = new int[shape.Data.Length];
            for (int i = 0; i < target.Length; i++)
            {
                target[i] = (int)shape.Data[i];
            }
            return target;
        }
        return op.OptionsAs<TfLiteReshapeOptions>().NewShape
            ?? throw new ArgumentException("no shape input and no new_shape option");
    }

    private ReferenceTensor Value(TfLiteOperator op, int position, ReferenceTensor?[] values)
    {
        int index = op.Inputs[position];
        if (index < 0)
        {
            throw new ArgumentException($"input {position} is absent");
        }
        if (values[index] is { } value)
        {
            return value;
        }
        var tensor = _graph.Tensors[index];
        if (!tensor.HasData)
        {
            throw new ArgumentException($"input '{tensor.Name}' is read before any operator wrote it");
        }
        if (tensor.Sparsity != null)
        {
            throw new ArgumentException($"sparse tensor '{tensor.Name}' must go through DENSIFY first");
        }
        return values[index] = _constants[index] ??= Constant(tensor);
    }

    /// <summary>A constant from the file, decoded here from its little-endian bytes.</summary>
    private static ReferenceTensor Constant(TfLiteTensor tensor)
    {
        var data = Decode(tensor);
        if (data.Length != tensor.ElementCount)
        {
            throw new ArgumentException($"constant '{tensor.Name}' [{string.Join(",", tensor.Shape)}] has {data.Length} values");
        }
        return new ReferenceTensor((int[])tensor.Shape.Clone(), data, ElementType(tensor));
    }

    private static double[] Decode(TfLiteTensor tensor)
    {
        if (tensor.IsQuantized)
        {
            throw new NotSupportedException($"tensor '{tensor.Name}' is quantized; the reference handles float models only");
        }
        ReadOnlySpan<byte> bytes = tensor.Data.Span;
        switch (tensor.Type)
        {
            case TfLiteTensorType.FLOAT16:
                return DequantizeOp.DecodeHalfBuffer(bytes, tensor.Name);
            case TfLiteTensorType.FLOAT32:
                {
                    var values = new double[bytes.Length / 4];
                    for (int i = 0; i < values.Length; i++)
                    {
                        values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(4 * i));
                    }
                    return values;
                }
            case TfLiteTensorType.INT32:
                {
                    var values = new double[bytes.Length / 4];
                    for (int i = 0; i < values.Length; i++)
                    {
                        values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(4 * i));
                    }
                    return values;
                }
            default:
                throw new NotSupportedException($"tensor '{tensor.Name}' has type {tensor.Type}");
        }
    }

    private static ReferenceTensor Densify(TfLiteTensor tensor)
    {
        var sparsity = tensor.Sparsity ?? throw new ArgumentException($"DENSIFY input '{tensor.Name}' is not sparse");
        if (sparsity.BlockMap.Length != 0)
        {
            throw new NotSupportedException($"sparse tensor '{tensor.Name}' uses a block map");
        }
        var levels = new SparseDimension[sparsity.DimensionMetadata.Count];
        for (int i = 0; i < levels.Length; i++)
        {
            var m = sparsity.DimensionMetadata[i];
            levels[i] = m.Format == TfLiteDimensionType.DENSE
                ? SparseDimension.Dense(m.DenseSize)
                : SparseDimension.Csr(
                    m.ArraySegments ?? throw new ArgumentException($"sparse tensor '{tensor.Name}' level {i} has no segments"),
                    m.ArrayIndices ?? throw new ArgumentException($"sparse tensor '{tensor.Name}' level {i} has no indices"));
        }
        return DensifyOp.Run((int[])tensor.Shape.Clone(), sparsity.TraversalOrder, levels, Decode(tensor), ElementType(tensor), tensor.Name);
    }

    private static ReferenceElementType ElementType(TfLiteTensor tensor) => tensor.Type switch
    {
        TfLiteTensorType.FLOAT32 => ReferenceElementType.Float32,
        TfLiteTensorType.FLOAT16 => ReferenceElementType.Float16,
        TfLiteTensorType.INT32 => ReferenceElementType.Int32,
        _ => throw new NotSupportedException($"tensor '{tensor.Name}' has type {tensor.Type}"),
    };

    private static PaddingKind Padding(TfLitePadding padding) => padding switch
    {
        TfLitePadding.SAME => PaddingKind.Same,
        TfLitePadding.VALID => PaddingKind.Valid,
        _ => throw new NotSupportedException($"padding {padding}"),
    };

    private static FusedActivation Activation(TfLiteActivation activation, TfLiteOperator op) =>
        FusedActivationExtensions.FromSchemaValue((int)activation, op.Op.ToString());
}
