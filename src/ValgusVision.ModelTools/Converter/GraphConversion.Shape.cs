using ValgusVision.ModelTools.Onnx;
using ValgusVision.ModelTools.TfLite;

namespace ValgusVision.ModelTools.Converter;

/// <summary>PAD, RESIZE_BILINEAR, DEPTH_TO_SPACE, RESHAPE and CONCATENATION, with their axes mapped to the layout used.</summary>
internal sealed partial class GraphConversion
{
    private void Pad(TfLiteOperator op)
    {
        TfLiteTensor input = Tensor(op.Inputs[0]);
        int rank = input.Shape.Length;
        int[] paddings = ConstantInts(op, op.Inputs[1]);
        if (paddings.Length != 2 * rank)
        {
            throw Fail(op, $"paddings '{Tensor(op.Inputs[1]).Name}' has {paddings.Length} values for rank {rank}");
        }

        if (TryFoldPad(op, paddings))
        {
            return;
        }

        // TFLite paddings are [[before, after] per NHWC axis]; ONNX wants [all befores, all afters] in the
        // axis order of the value, so in NCHW a channel pad (heavy's residual branches) lands on axis 1.
        TensorLayout layout = LayoutOf(op.Inputs[0]);
        string x = Get(op, op.Inputs[0], layout);
        layout = rank == 4 ? layout : TensorLayout.Tf;
        var pads = new long[2 * rank];
        for (int k = 0; k < rank; k++)
        {
            int tfAxis = layout == TensorLayout.Nchw ? (int)LayoutPermutation.NhwcToNchw[k] : k;
            pads[k] = paddings[2 * tfAxis];
            pads[rank + k] = paddings[(2 * tfAxis) + 1];
        }

        string padsName = Int64Initializer($"{Tensor(op.Inputs[1]).Name}__pads{(layout == TensorLayout.Nchw ? "_nchw" : string.Empty)}", pads);
        _graph.Add("Pad", NodeName(op), Define(op.Outputs[0], layout), [x, padsName], OnnxAttribute.String("mode", "constant"));
    }

    private void ResizeBilinear(TfLiteOperator op)
    {
        TfLiteResizeBilinearOptions o = op.OptionsAs<TfLiteResizeBilinearOptions>();
        TfLiteTensor output = Tensor(op.Outputs[0]);
        RequireRank(op, output, 4);
        string mode = (o.AlignCorners, o.HalfPixelCenters) switch
        {
            (true, false) => "align_corners",
            (false, true) => "half_pixel",
            (false, false) => "asymmetric",
            _ => throw Fail(op, "align_corners and half_pixel_centers are both set"),
        };

        string x = Get(op, op.Inputs[0], TensorLayout.Nchw);
        int[] s = output.Shape;
        string sizes = Int64Initializer($"{output.Name}__sizes", [s[0], s[3], s[1], s[2]]);
        _graph.Add("Resize", NodeName(op), Define(op.Outputs[0], TensorLayout.Nchw), [x, string.Empty, string.Empty, sizes],
            OnnxAttribute.String("coordinate_transformation_mode", mode),
            OnnxAttribute.String("mode", "linear"));
    }

    private void DepthToSpace(TfLiteOperator op)
    {
        TfLiteDepthToSpaceOptions o = op.OptionsAs<TfLiteDepthToSpaceOptions>();
        RequireRank(op, Tensor(op.Inputs[0]), 4);
        string x = Get(op, op.Inputs[0], TensorLayout.Nchw);

        // TensorFlow's depth_to_space takes channel (i·bs + j)·C + c to position (i, j): ONNX's DCR order.
        _graph.Add("DepthToSpace", NodeName(op), Define(op.Outputs[0], TensorLayout.Nchw), [x],
            OnnxAttribute.Int("blocksize", o.BlockSize),
            OnnxAttribute.String("mode", "DCR"));
    }

    private void Reshape(TfLiteOperator op)
    {
        // A reshape reads elements in TFLite's (NHWC) order, so an NCHW input goes back to NHWC first.
        string x = Get(op, op.Inputs[0], TensorLayout.Tf);
        int[] shape = Tensor(op.Outputs[0]).Shape;
        foreach (int d in shape)
        {
            if (d <= 0)
            {
                throw Fail(op, $"output shape [{string.Join(',', shape)}] is not fully known");
            }
        }

        string shapeName = Int64Initializer($"{Tensor(op.Outputs[0]).Name}__shape", ToLongs(shape));
        _graph.Add("Reshape", NodeName(op), Define(op.Outputs[0], TensorLayout.Tf), [x, shapeName]);
    }

    private void Concatenation(TfLiteOperator op)
    {
        TfLiteConcatenationOptions o = op.OptionsAs<TfLiteConcatenationOptions>();
        int rank = Tensor(op.Outputs[0]).Shape.Length;
        int axis = o.Axis < 0 ? o.Axis + rank : o.Axis;
        if (axis < 0 || axis >= rank)
        {
            throw Fail(op, $"axis {o.Axis} is outside rank {rank}");
        }

        // Stay in NCHW only if every operand already is; otherwise join in TFLite's own order.
        bool allNchw = rank == 4;
        foreach (int i in op.Inputs)
        {
            allNchw &= _values[i] is { Layout: TensorLayout.Nchw };
        }

        TensorLayout layout = allNchw ? TensorLayout.Nchw : TensorLayout.Tf;
        var inputs = new string[op.Inputs.Length];
        for (int k = 0; k < inputs.Length; k++)
        {
            inputs[k] = Get(op, op.Inputs[k], layout);
        }

        int onnxAxis = layout == TensorLayout.Nchw ? LayoutPermutation.NchwPositionOf(axis) : axis;
        EmitWithActivation(op, "Concat", inputs, o.Activation, layout, OnnxAttribute.Int("axis", onnxAxis));
    }
}
