using ValgusVision.ModelTools.Onnx;
using ValgusVision.ModelTools.TfLite;

namespace ValgusVision.ModelTools.Converter;

/// <summary>
/// Graph shapes that compute exactly what TFLite computes but keep ONNX Runtime's blocked convolution layout
/// unbroken: a zero PAD folded into the convolution that reads it, and a first convolution that reads the NHWC
/// graph input as it is (no Transpose).
/// </summary>
internal sealed partial class GraphConversion
{
    /// <summary>Zero PADs whose only reader is a convolution: the pad's input tensor and its spatial pads [top, left, bottom, right].</summary>
    private readonly Dictionary<int, (int Source, long[] Pads)> _foldedPads = [];

    /// <summary>How many operators (and graph outputs) read each tensor; the one reader when there is exactly one.</summary>
    private int[] _readers = [];
    private TfLiteOperator?[] _onlyReader = [];

    private void CountReaders()
    {
        _readers = new int[_g.Tensors.Count];
        _onlyReader = new TfLiteOperator?[_g.Tensors.Count];
        foreach (TfLiteOperator op in _g.Operators)
        {
            foreach (int i in op.Inputs)
            {
                if (i >= 0)
                {
                    _readers[i]++;
                    _onlyReader[i] = op;
                }
            }
        }

        foreach (int o in _g.Outputs)
        {
            _readers[o]++;
        }
    }

    /// <summary>
    /// A spatial zero PAD read only by a convolution (as its data input) is not emitted: the convolution pads
    /// instead. A zero-padded input convolved with zero padding is the same sum as one convolution with both
    /// paddings added, term for term.
    /// </summary>
    private bool TryFoldPad(TfLiteOperator op, int[] paddings)
    {
        int output = op.Outputs[0];
        if (Tensor(op.Inputs[0]).Shape.Length != 4 || IsConstant(op.Inputs[0]) || _readers[output] != 1
            || _onlyReader[output] is not { } reader
            || reader.Op is not (TfLiteBuiltinOperator.CONV_2D or TfLiteBuiltinOperator.DEPTHWISE_CONV_2D)
            || reader.Inputs[0] != output || reader.Inputs.Skip(1).Contains(output))
        {
            return false;
        }

        // NHWC pads [[n0,n1],[h0,h1],[w0,w1],[c0,c1]]: only the spatial ones can move into the convolution.
        if (paddings[0] != 0 || paddings[1] != 0 || paddings[6] != 0 || paddings[7] != 0 || paddings.Any(p => p < 0))
        {
            return false;
        }

        _foldedPads[output] = (op.Inputs[0], [paddings[2], paddings[4], paddings[3], paddings[5]]);
        return true;
    }

    /// <summary>The tensor a convolution really reads and the padding it must add (from a folded PAD), else itself and zeros.</summary>
    private (int Source, long[] ExtraPads) ConvolutionSource(int input)
        => _foldedPads.TryGetValue(input, out var folded) ? (folded.Source, folded.Pads) : (input, [0, 0, 0, 0]);

    private static long[] AddPads(long[] a, long[] b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];

    /// <summary>
    /// Whether a CONV_2D should read NHWC <paramref name="source"/> in place: it is still in TFLite's layout (the
    /// graph input), has few channels, and the convolution is undilated. Then [N,H,W,C] is viewed as a one-channel
    /// [N,1,H,W·C] image and the kernel [O,KH,KW,C] as [O,1,KH,KW·C] (the same bytes): pixel (h, w) channel c is
    /// column w·C + c, so a KW-wide window is a KW·C-wide one, stride SW is SW·C and a pad of P pixels is P·C
    /// columns. Every output is the same sum of the same products, and no Transpose is needed.
    /// </summary>
    private bool ReadsNhwcInPlace(int source, TfLiteConv2DOptions o)
        => LayoutOf(source) == TensorLayout.Tf && _values[source] is not null && Tensor(source).Shape is [_, _, _, <= 4]
           && o.DilationHeight == 1 && o.DilationWidth == 1 && !_transposed.ContainsKey((_values[source]!.Value.Name, TensorLayout.Nchw));

    private void Conv2DOverNhwc(TfLiteOperator op, TfLiteConv2DOptions o, int source, long[] pads)
    {
        TfLiteTensor input = Tensor(source);
        TfLiteTensor weights = Tensor(op.Inputs[1]);
        int n = input.Shape[0], h = input.Shape[1], w = input.Shape[2], c = input.Shape[3];
        int outChannels = weights.Shape[0], kh = weights.Shape[1], kw = weights.Shape[2];

        string viewShape = Int64Initializer($"{input.Name}__columns_shape", [n, 1, h, (long)w * c]);
        string view = _graph.UniqueName($"{input.Name}__columns");
        _graph.Add("Reshape", NodeName(op, "_columns"), view, [Get(op, source, TensorLayout.Tf), viewShape]);

        ConstantFloats(op, op.Inputs[1]);
        string kernel = ColumnKernelInitializer(op.Inputs[1], outChannels, kh, kw * c);
        string[] inputs = BiasInputs(op, view, kernel, outChannels);
        EmitWithActivation(op, "Conv", inputs, o.Activation, TensorLayout.Nchw,
            OnnxAttribute.Ints("dilations", 1, 1),
            OnnxAttribute.Int("group", 1),
            OnnxAttribute.Ints("kernel_shape", kh, (long)kw * c),
            OnnxAttribute.Ints("pads", pads[0], pads[1] * c, pads[2], pads[3] * c),
            OnnxAttribute.Ints("strides", o.StrideHeight, (long)o.StrideWidth * c));
    }

    /// <summary>TFLite's [O,KH,KW,C] kernel as [O,1,KH,KW·C]: the same values in the same order.</summary>
    private string ColumnKernelInitializer(int index, int outChannels, int kh, int columns)
    {
        string key = $"{index}__columns";
        if (_initializers.TryGetValue(key, out string? existing))
        {
            return existing;
        }

        TfLiteTensor t = Tensor(index);
        float[] data = _constants.TryGetValue(index, out float[]? folded) ? folded : t.ToFloatArray();
        string name = _graph.UniqueName((t.Name.Length == 0 ? $"t{index}" : t.Name) + "__columns");
        _graph.AddInitializer(OnnxTensor.FromFloats(name, [outChannels, 1, kh, columns], data));
        _initializers[key] = name;
        return name;
    }
}
