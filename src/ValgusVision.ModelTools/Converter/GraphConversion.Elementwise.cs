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
        EmitWithActivation(op, "Add", [x, y], o.Activation, Tensor(op.Outputs[0]).Shape.Length == 4 ? layout : TensorLayout.Tf);
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
