using ValgusVision.ModelTools.Onnx;
using ValgusVision.ModelTools.TfLite;

namespace ValgusVision.ModelTools.Converter;

/// <summary>ADD, LOGISTIC and the fused activations (RELU → Relu, RELU6 → Clip 0..6, RELU_N1_TO_1 → Clip −1..1, TANH).</summary>
internal sealed partial class GraphConversion
{
    private void Add(TfLiteOperator op)
    {
        TfLiteAddOptions o = op.OptionsAs<TfLiteAddOptions>();
        int a = op.Inputs[0], b = op.Inputs[1];

        // Work in the layout the operands already have. When the shapes differ, broadcasting is defined on
        // TFLite's own axis order, so both go (back) to that layout.
        TensorLayout layout = _values[a] is not null ? LayoutOf(a) : LayoutOf(b);
        if (!Tensor(a).Shape.AsSpan().SequenceEqual(Tensor(b).Shape))
        {
            layout = TensorLayout.Tf;
        }

        string x = Get(op, a, layout);
        string y = Get(op, b, layout);
        TfLiteTensor output = Tensor(op.Outputs[0]);
        if (output.Shape.Length != 4)
        {
            layout = TensorLayout.Tf;
        }

        if (layout == TensorLayout.Nchw && IsClip(o.Activation))
        {
            // ONNX Runtime runs the convolutions in a blocked channel layout (NCHWc) and folds a residual Add
            // into the convolution before it, but has no blocked Clip: Add→Clip would leave that layout and
            // come back (a reorder each way, plus a plain Add and Clip) at every residual block. A 1×1
            // depthwise convolution with weight 1 and no bias between them computes x·1 = x exactly and
            // takes the Clip as its fused activation, so the whole block stays blocked.
            string sum = _graph.UniqueName($"{(output.Name.Length == 0 ? $"t{op.Outputs[0]}" : output.Name)}__add");
            _graph.Add("Add", NodeName(op), sum, [x, y]);
            string passed = IdentityDepthwise(op, sum, output.Shape[3]);
            EmitActivation(op, passed, o.Activation, layout);
            return;
        }

        EmitWithActivation(op, "Add", [x, y], o.Activation, layout);
    }

    private static bool IsClip(TfLiteActivation activation)
        => activation is TfLiteActivation.RELU6 or TfLiteActivation.RELU_N1_TO_1;

    /// <summary>A 1×1 depthwise convolution with weight 1 and no bias over NCHW <paramref name="input"/>: the identity.</summary>
    private string IdentityDepthwise(TfLiteOperator op, string input, int channels)
    {
        string key = $"identity_depthwise_{channels}";
        if (!_initializers.TryGetValue(key, out string? weights))
        {
            var ones = new float[channels];
            Array.Fill(ones, 1f);
            weights = AddInitializer(OnnxTensor.FromFloats(_graph.UniqueName(key), [channels, 1, 1, 1], ones));
            _initializers[key] = weights;
        }

        string output = _graph.UniqueName($"{input}__identity");
        _graph.Add("Conv", NodeName(op, "_identity"), output, [input, weights],
            OnnxAttribute.Ints("dilations", 1, 1),
            OnnxAttribute.Int("group", channels),
            OnnxAttribute.Ints("kernel_shape", 1, 1),
            OnnxAttribute.Ints("pads", 0, 0, 0, 0),
            OnnxAttribute.Ints("strides", 1, 1));
        return output;
    }

    private void Logistic(TfLiteOperator op)
    {
        TensorLayout layout = LayoutOf(op.Inputs[0]);
        string x = Get(op, op.Inputs[0], layout);
        EmitWithActivation(op, "Sigmoid", [x], TfLiteActivation.NONE, layout);
    }

    /// <summary>Emits <paramref name="opType"/>, then the fused activation, defining the op's output tensor.</summary>
    private void EmitWithActivation(
        TfLiteOperator op,
        string opType,
        string[] inputs,
        TfLiteActivation activation,
        TensorLayout layout,
        params OnnxAttribute[] attributes)
    {
        if (activation == TfLiteActivation.NONE)
        {
            _graph.Add(opType, NodeName(op), Define(op.Outputs[0], layout), inputs, attributes);
            return;
        }

        TfLiteTensor t = Tensor(op.Outputs[0]);
        string raw = _graph.UniqueName($"{(t.Name.Length == 0 ? $"t{op.Outputs[0]}" : t.Name)}__{opType.ToLowerInvariant()}");
        _graph.Add(opType, NodeName(op), raw, inputs, attributes);
        EmitActivation(op, raw, activation, layout);
    }

    /// <summary>Applies the fused <paramref name="activation"/> to <paramref name="raw"/>, defining the op's output tensor.</summary>
    private void EmitActivation(TfLiteOperator op, string raw, TfLiteActivation activation, TensorLayout layout)
    {
        switch (activation)
        {
            case TfLiteActivation.RELU:
                _graph.Add("Relu", NodeName(op, "_relu"), Define(op.Outputs[0], layout), [raw]);
                break;
            case TfLiteActivation.RELU6:
                _graph.Add("Clip", NodeName(op, "_relu6"), Define(op.Outputs[0], layout), [raw, ScalarInitializer("clip_min_0", 0f), ScalarInitializer("clip_max_6", 6f)]);
                break;
            case TfLiteActivation.RELU_N1_TO_1:
                _graph.Add("Clip", NodeName(op, "_relu_n1_to_1"), Define(op.Outputs[0], layout), [raw, ScalarInitializer("clip_min_-1", -1f), ScalarInitializer("clip_max_1", 1f)]);
                break;
            case TfLiteActivation.TANH:
                _graph.Add("Tanh", NodeName(op, "_tanh"), Define(op.Outputs[0], layout), [raw]);
                break;
            default:
                throw Fail(op, $"fused activation {activation} is not supported");
        }
    }
}
