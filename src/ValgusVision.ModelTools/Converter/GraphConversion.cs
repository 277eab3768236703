using ValgusVision.ModelTools.Onnx;
using ValgusVision.ModelTools.TfLite;

namespace ValgusVision.ModelTools.Converter;

/// <summary>
/// Converts one TFLite subgraph into an <see cref="OnnxGraph"/>, op by op in file order. Activations are
/// kept in NCHW where a convolution wants them and transposed back (once, cached) where an op's meaning
/// depends on NHWC order (RESHAPE) or at the graph outputs, which keep TFLite's names, shapes and layout.
/// Constant weights (DEQUANTIZE of FLOAT16, DENSIFY) are folded into float32 initializers.
/// </summary>
internal sealed partial class GraphConversion
{
    private readonly string _model;
    private readonly TfLiteSubgraph _g;
    private readonly OnnxGraph _graph;
    private readonly Value?[] _values;
    private readonly Dictionary<int, float[]> _constants = [];
    private readonly Dictionary<(string Name, TensorLayout Layout), string> _transposed = [];
    private readonly Dictionary<string, string> _initializers = new(StringComparer.Ordinal);
    private readonly HashSet<int> _graphOutputs = [];

    private GraphConversion(string modelName, TfLiteSubgraph subgraph)
    {
        _model = modelName;
        _g = subgraph;
        _graph = new OnnxGraph(string.IsNullOrEmpty(subgraph.Name) ? "main" : subgraph.Name);
        _values = new Value?[subgraph.Tensors.Count];
    }

    public static OnnxGraph Convert(string modelName, TfLiteSubgraph subgraph)
    {
        var conversion = new GraphConversion(modelName, subgraph);
        conversion.Run();
        return conversion._graph;
    }

    private void Run()
    {
        RefuseQuantizedTensors();
        CountReaders();
        foreach (int i in _g.Inputs)
        {
            TfLiteTensor t = _g.Tensors[i];
            if (t.Type != TfLiteTensorType.FLOAT32)
            {
                throw new ModelConversionException($"{_model}: graph input '{t.Name}' is {t.Type}; only FLOAT32 inputs are supported");
            }

            _graph.AddInput(new OnnxValueInfo(_graph.ExactName(t.Name), OnnxDataType.Float, ToLongs(t.Shape)));
            _values[i] = new Value(t.Name, TensorLayout.Tf);
        }

        foreach (int o in _g.Outputs)
        {
            TfLiteTensor t = _g.Tensors[o];
            if (_graphOutputs.Add(o) && !_g.Inputs.Contains(o))
            {
                _graph.ExactName(t.Name);
            }
        }

        foreach (TfLiteOperator op in _g.Operators)
        {
            ConvertOperator(op);
        }

        foreach (int o in _g.Outputs)
        {
            EmitGraphOutput(o);
        }
    }

    private void ConvertOperator(TfLiteOperator op)
    {
        switch (op.Op)
        {
            case TfLiteBuiltinOperator.DEQUANTIZE: Dequantize(op); break;
            case TfLiteBuiltinOperator.DENSIFY: Densify(op); break;
            case TfLiteBuiltinOperator.CONV_2D: Conv2D(op); break;
            case TfLiteBuiltinOperator.DEPTHWISE_CONV_2D: DepthwiseConv2D(op); break;
            case TfLiteBuiltinOperator.MAX_POOL_2D: MaxPool2D(op); break;
            case TfLiteBuiltinOperator.ADD: Add(op); break;
            case TfLiteBuiltinOperator.LOGISTIC: Logistic(op); break;
            case TfLiteBuiltinOperator.PAD: Pad(op); break;
            case TfLiteBuiltinOperator.RESIZE_BILINEAR: ResizeBilinear(op); break;
            case TfLiteBuiltinOperator.DEPTH_TO_SPACE: DepthToSpace(op); break;
            case TfLiteBuiltinOperator.RESHAPE: Reshape(op); break;
            case TfLiteBuiltinOperator.CONCATENATION: Concatenation(op); break;
            default:
                string custom = op.CustomCode is null ? string.Empty : $" '{op.CustomCode}'";
                throw new ModelConversionException(
                    $"{_model}: operator {op.Index} ({op.Op}{custom}) is not supported by the converter (output tensor '{OutputName(op)}')");
        }
    }

    private string OutputName(TfLiteOperator op) => op.Outputs.Length > 0 ? _g.Tensors[op.Outputs[0]].Name : "?";

    private void RefuseQuantizedTensors()
    {
        foreach (TfLiteTensor t in _g.Tensors)
        {
            bool integerData = t.Type is TfLiteTensorType.INT8 or TfLiteTensorType.UINT8 or TfLiteTensorType.INT16 or TfLiteTensorType.INT4;
            if (t.IsQuantized || integerData)
            {
                throw new ModelConversionException(
                    $"{_model}: tensor '{t.Name}' ({t.Type}) is quantized; quantized models are not supported");
            }
        }
    }

    private ModelConversionException Fail(TfLiteOperator op, string problem)
        => new($"{_model}: operator {op.Index} ({op.Op}, output '{OutputName(op)}'): {problem}");

    private TfLiteTensor Tensor(int index) => _g.Tensors[index];

    /// <summary>Names the ONNX value for TFLite tensor <paramref name="index"/> in <paramref name="layout"/> and records it.</summary>
    private string Define(int index, TensorLayout layout)
    {
        TfLiteTensor t = Tensor(index);
        string name;
        if (_graphOutputs.Contains(index) && (layout == TensorLayout.Tf || t.Shape.Length != 4) && _values[index] is null)
        {
            name = t.Name;
            layout = TensorLayout.Tf;
        }
        else
        {
            string baseName = t.Name.Length == 0 ? $"t{index}" : t.Name;
            name = _graph.UniqueName(layout == TensorLayout.Nchw ? baseName + "__nchw" : baseName);
        }

        _values[index] = new Value(name, layout);
        return name;
    }

    /// <summary>A node name that tells which TFLite operator it came from.</summary>
    private string NodeName(TfLiteOperator op, string suffix = "")
        => _graph.UniqueName($"op{op.Index}_{op.Op}{suffix}");

    /// <summary>
    /// The ONNX value holding tensor <paramref name="index"/> in <paramref name="layout"/>: an activation is
    /// transposed if needed (once; the result is reused), a constant becomes an initializer.
    /// </summary>
    private string Get(TfLiteOperator op, int index, TensorLayout layout)
    {
        TfLiteTensor t = Tensor(index);
        if (t.Shape.Length != 4)
        {
            layout = TensorLayout.Tf;
        }

        if (_values[index] is { } v)
        {
            if (v.Layout == layout)
            {
                return v.Name;
            }

            if (_transposed.TryGetValue((v.Name, layout), out string? done))
            {
                return done;
            }

            long[] perm = layout == TensorLayout.Nchw ? LayoutPermutation.NhwcToNchw : LayoutPermutation.NchwToNhwc;
            string baseName = t.Name.Length == 0 ? $"t{index}" : t.Name;
            string output = _graph.UniqueName(layout == TensorLayout.Nchw ? baseName + "__nchw" : baseName + "__nhwc");
            _graph.Add("Transpose", _graph.UniqueName($"transpose_{output}"), output, [v.Name], OnnxAttribute.Ints("perm", perm));
            _transposed[(v.Name, layout)] = output;
            return output;
        }

        if (IsConstant(index))
        {
            return layout == TensorLayout.Nchw
                ? Initializer(index, [0, 3, 1, 2], "__nchw")
                : Initializer(index, null, string.Empty);
        }

        throw Fail(op, $"input tensor '{t.Name}' is neither computed earlier nor a constant");
    }

    /// <summary>Layout of an activation if it has been computed, else <see cref="TensorLayout.Tf"/>.</summary>
    private TensorLayout LayoutOf(int index) => _values[index]?.Layout ?? TensorLayout.Tf;

    private bool IsConstant(int index)
        => _constants.ContainsKey(index) || (Tensor(index).HasData && Tensor(index).Sparsity is null);

    /// <summary>A constant's values as float32 (folded FLOAT16 weights, densified sparse weights, or FLOAT32 data).</summary>
    private float[] ConstantFloats(TfLiteOperator op, int index)
    {
        if (_constants.TryGetValue(index, out float[]? folded))
        {
            return folded;
        }

        TfLiteTensor t = Tensor(index);
        if (t.HasData && t.Sparsity is null && t.Type == TfLiteTensorType.FLOAT32)
        {
            return t.ToFloatArray();
        }

        throw Fail(op, $"tensor '{t.Name}' ({t.Type}) must be a float constant");
    }

    private int[] ConstantInts(TfLiteOperator op, int index)
    {
        TfLiteTensor t = Tensor(index);
        if (t.HasData && t.Type == TfLiteTensorType.INT32)
        {
            return t.ToInt32Array();
        }

        throw Fail(op, $"tensor '{t.Name}' ({t.Type}) must be an INT32 constant");
    }

    /// <summary>Adds (once) a float32 initializer for constant tensor <paramref name="index"/>, optionally permuted.</summary>
    private string Initializer(int index, int[]? perm, string suffix)
    {
        TfLiteTensor t = Tensor(index);
        string key = $"{index}{suffix}";
        if (_initializers.TryGetValue(key, out string? existing))
        {
            return existing;
        }

        float[] data = _constants.TryGetValue(index, out float[]? folded) ? folded : t.ToFloatArray();
        int[] shape = t.Shape;
        if (perm is not null)
        {
            data = LayoutPermutation.Permute(data, shape, perm, out shape);
        }

        string baseName = t.Name.Length == 0 ? $"t{index}" : t.Name;
        string name = _graph.UniqueName(baseName + suffix);
        _graph.AddInitializer(OnnxTensor.FromFloats(name, ToLongs(shape), data));
        _initializers[key] = name;
        return name;
    }

    /// <summary>An int64 initializer with a fixed value (pads, sizes, shapes).</summary>
    private string Int64Initializer(string name, long[] values)
        => AddInitializer(OnnxTensor.FromInt64s(_graph.UniqueName(name), [values.Length], values));

    private string ScalarInitializer(string name, float value)
    {
        if (_initializers.TryGetValue(name, out string? existing))
        {
            return existing;
        }

        string added = AddInitializer(OnnxTensor.FromFloats(_graph.UniqueName(name), [], [value]));
        _initializers[name] = added;
        return added;
    }

    private string AddInitializer(OnnxTensor tensor)
    {
        _graph.AddInitializer(tensor);
        return tensor.Name;
    }

    private void EmitGraphOutput(int index)
    {
        TfLiteTensor t = Tensor(index);
        Value v = _values[index] ?? throw new ModelConversionException($"{_model}: graph output '{t.Name}' is never computed");
        string output = t.Name;
        _graph.AddOutput(new OnnxValueInfo(output, OnnxDataType.Float, ToLongs(t.Shape)));
        if (v.Name == output)
        {
            return;
        }

        if (_g.Inputs.Contains(index))
        {
            throw new ModelConversionException($"{_model}: graph output '{t.Name}' is also a graph input, which ONNX cannot express");
        }

        if (v.Layout == TensorLayout.Nchw)
        {
            _graph.Add("Transpose", _graph.UniqueName($"output_{output}"), output, [v.Name], OnnxAttribute.Ints("perm", LayoutPermutation.NchwToNhwc));
        }
        else
        {
            _graph.Add("Identity", _graph.UniqueName($"output_{output}"), output, [v.Name]);
        }
    }

    internal static long[] ToLongs(int[] values)
    {
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    private readonly record struct Value(string Name, TensorLayout Layout);
}
