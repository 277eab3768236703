using ValgusVision.ModelTools.Onnx;
using ValgusVision.ModelTools.TfLite;

namespace ValgusVision.ModelTools.Converter;

/// <summary>CONV_2D, DEPTHWISE_CONV_2D and MAX_POOL_2D as NCHW ONNX nodes with explicit TensorFlow padding.</summary>
internal sealed partial class GraphConversion
{
    private void Conv2D(TfLiteOperator op)
    {
        TfLiteConv2DOptions o = op.OptionsAs<TfLiteConv2DOptions>();
        TfLiteTensor input = Tensor(op.Inputs[0]);
        TfLiteTensor weights = Tensor(op.Inputs[1]);
        RequireRank(op, input, 4);
        RequireRank(op, weights, 4);

        // TFLite kernels are [O, KH, KW, I]; ONNX wants [O, I, KH, KW]: the same permutation as NHWC→NCHW.
        int outChannels = weights.Shape[0], kh = weights.Shape[1], kw = weights.Shape[2], inChannels = weights.Shape[3];
        if (inChannels != input.Shape[3])
        {
            throw Fail(op, $"kernel '{weights.Name}' expects {inChannels} input channels, input '{input.Name}' has {input.Shape[3]}");
        }

        (int source, long[] folded) = ConvolutionSource(op.Inputs[0]);
        long[] pads = AddPads(Padding(op, o.Padding, input, kh, kw, o.StrideHeight, o.StrideWidth, o.DilationHeight, o.DilationWidth), folded);
        if (ReadsNhwcInPlace(source, o))
        {
            Conv2DOverNhwc(op, o, source, pads);
            return;
        }

        string x = Get(op, source, TensorLayout.Nchw);
        if (outChannels == 1 && kh * kw > 1)
        {
            Conv2DToOneChannel(op, o, x, inChannels, pads);
            return;
        }

        string w = WeightInitializer(op, op.Inputs[1], [0, 3, 1, 2]);
        string[] inputs = BiasInputs(op, x, w, outChannels);
        EmitWithActivation(op, "Conv", inputs, o.Activation, TensorLayout.Nchw,
            OnnxAttribute.Ints("dilations", o.DilationHeight, o.DilationWidth),
            OnnxAttribute.Int("group", 1),
            OnnxAttribute.Ints("kernel_shape", kh, kw),
            OnnxAttribute.Ints("pads", pads),
            OnnxAttribute.Ints("strides", o.StrideHeight, o.StrideWidth));
    }

    private void DepthwiseConv2D(TfLiteOperator op)
    {
        TfLiteDepthwiseConv2DOptions o = op.OptionsAs<TfLiteDepthwiseConv2DOptions>();
        TfLiteTensor input = Tensor(op.Inputs[0]);
        TfLiteTensor weights = Tensor(op.Inputs[1]);
        RequireRank(op, input, 4);
        RequireRank(op, weights, 4);

        // TFLite depthwise kernels are [1, KH, KW, C·M] with output channel c·M+m reading input channel c;
        // ONNX grouped conv with group = C reads the same channels from [C·M, 1, KH, KW].
        int kh = weights.Shape[1], kw = weights.Shape[2], outChannels = weights.Shape[3];
        int channels = input.Shape[3];
        int multiplier = o.DepthMultiplier == 0 ? outChannels / channels : o.DepthMultiplier;
        if (weights.Shape[0] != 1 || channels * multiplier != outChannels)
        {
            throw Fail(op, $"kernel '{weights.Name}' [{string.Join(',', weights.Shape)}] does not fit {channels} channels × multiplier {multiplier}");
        }

        (int source, long[] folded) = ConvolutionSource(op.Inputs[0]);
        string x = Get(op, source, TensorLayout.Nchw);
        string w = WeightInitializer(op, op.Inputs[1], [3, 0, 1, 2]);
        string[] inputs = BiasInputs(op, x, w, outChannels);
        long[] pads = AddPads(Padding(op, o.Padding, input, kh, kw, o.StrideHeight, o.StrideWidth, o.DilationHeight, o.DilationWidth), folded);
        EmitWithActivation(op, "Conv", inputs, o.Activation, TensorLayout.Nchw,
            OnnxAttribute.Ints("dilations", o.DilationHeight, o.DilationWidth),
            OnnxAttribute.Int("group", channels),
            OnnxAttribute.Ints("kernel_shape", kh, kw),
            OnnxAttribute.Ints("pads", pads),
            OnnxAttribute.Ints("strides", o.StrideHeight, o.StrideWidth));
    }

    /// <summary>
    /// A K×K CONV_2D with a single output channel (the segmentation logits) as a K×K depthwise convolution (one
    /// partial sum per input channel) followed by a 1×1 convolution that adds the channels and the bias. Same
    /// products, summed in another order. ONNX Runtime's blocked kernels compute output channels in blocks of 8
    /// or 16, so the direct form spends 8–16 times the work on padding channels; this form does not.
    /// </summary>
    private void Conv2DToOneChannel(TfLiteOperator op, TfLiteConv2DOptions o, string x, int inChannels, long[] pads)
    {
        TfLiteTensor weights = Tensor(op.Inputs[1]);
        int kh = weights.Shape[1], kw = weights.Shape[2];

        // A [1, KH, KW, C] kernel has the layout of a TFLite depthwise kernel, so it permutes the same way.
        string perChannelWeights = WeightInitializer(op, op.Inputs[1], [3, 0, 1, 2]);
        string perChannel = _graph.UniqueName($"{Tensor(op.Outputs[0]).Name}__per_channel");
        _graph.Add("Conv", NodeName(op, "_per_channel"), perChannel, [x, perChannelWeights],
            OnnxAttribute.Ints("dilations", o.DilationHeight, o.DilationWidth),
            OnnxAttribute.Int("group", inChannels),
            OnnxAttribute.Ints("kernel_shape", kh, kw),
            OnnxAttribute.Ints("pads", pads),
            OnnxAttribute.Ints("strides", o.StrideHeight, o.StrideWidth));

        string key = $"channel_sum_{inChannels}";
        if (!_initializers.TryGetValue(key, out string? ones))
        {
            var data = new float[inChannels];
            Array.Fill(data, 1f);
            ones = AddInitializer(OnnxTensor.FromFloats(_graph.UniqueName(key), [1, inChannels, 1, 1], data));
            _initializers[key] = ones;
        }

        string[] inputs = BiasInputs(op, perChannel, ones, 1);
        EmitWithActivation(op, "Conv", inputs, o.Activation, TensorLayout.Nchw,
            OnnxAttribute.Ints("dilations", 1, 1),
            OnnxAttribute.Int("group", 1),
            OnnxAttribute.Ints("kernel_shape", 1, 1),
            OnnxAttribute.Ints("pads", 0, 0, 0, 0),
            OnnxAttribute.Ints("strides", 1, 1));
    }

    private void MaxPool2D(TfLiteOperator op)
    {
        TfLitePool2DOptions o = op.OptionsAs<TfLitePool2DOptions>();
        TfLiteTensor input = Tensor(op.Inputs[0]);
        RequireRank(op, input, 4);
        string x = Get(op, op.Inputs[0], TensorLayout.Nchw);

        // ONNX MaxPool, like TFLite, ignores padded positions (they never win the max).
        long[] pads = Padding(op, o.Padding, input, o.FilterHeight, o.FilterWidth, o.StrideHeight, o.StrideWidth, 1, 1);
        EmitWithActivation(op, "MaxPool", [x], o.Activation, TensorLayout.Nchw,
            OnnxAttribute.Ints("kernel_shape", o.FilterHeight, o.FilterWidth),
            OnnxAttribute.Ints("pads", pads),
            OnnxAttribute.Ints("strides", o.StrideHeight, o.StrideWidth));
    }

    /// <summary>
    /// ONNX pads [top, left, bottom, right] for TFLite's padding, checked against the TFLite output shape so a
    /// padding mistake fails the conversion instead of shifting every pixel.
    /// </summary>
    private long[] Padding(TfLiteOperator op, TfLitePadding padding, TfLiteTensor input, int kh, int kw, int sh, int sw, int dh, int dw)
    {
        if (sh < 1 || sw < 1 || dh < 1 || dw < 1 || kh < 1 || kw < 1)
        {
            throw Fail(op, $"kernel {kh}×{kw}, strides {sh},{sw} and dilations {dh},{dw} must all be at least 1");
        }

        (int Before, int After, int OutputSize) rows, cols;
        switch (padding)
        {
            case TfLitePadding.SAME:
                rows = TfSamePadding.Same(input.Shape[1], kh, sh, dh);
                cols = TfSamePadding.Same(input.Shape[2], kw, sw, dw);
                break;
            case TfLitePadding.VALID:
                rows = TfSamePadding.Valid(input.Shape[1], kh, sh, dh);
                cols = TfSamePadding.Valid(input.Shape[2], kw, sw, dw);
                break;
            default:
                throw Fail(op, $"padding {padding} is not supported");
        }

        int[] outShape = Tensor(op.Outputs[0]).Shape;
        if (outShape.Length != 4 || outShape[1] != rows.OutputSize || outShape[2] != cols.OutputSize)
        {
            throw Fail(op, $"{padding} padding gives {rows.OutputSize}×{cols.OutputSize}, but the output is [{string.Join(',', outShape)}]");
        }

        return [rows.Before, cols.Before, rows.After, cols.After];
    }

    private string WeightInitializer(TfLiteOperator op, int index, int[] perm)
    {
        if (!IsConstant(index))
        {
            throw Fail(op, $"weights '{Tensor(index).Name}' are not constant; only constant weights are supported");
        }

        ConstantFloats(op, index);
        return Initializer(index, perm, perm[0] == 3 ? "__depthwise" : "__oihw");
    }

    private string[] BiasInputs(TfLiteOperator op, string x, string w, int outChannels)
    {
        if (op.Inputs.Length < 3 || op.Inputs[2] < 0)
        {
            return [x, w];
        }

        TfLiteTensor bias = Tensor(op.Inputs[2]);
        if (bias.Shape.Length != 1 || bias.Shape[0] != outChannels)
        {
            throw Fail(op, $"bias '{bias.Name}' has shape [{string.Join(',', bias.Shape)}], expected [{outChannels}]");
        }

        ConstantFloats(op, op.Inputs[2]);
        return [x, w, Initializer(op.Inputs[2], null, string.Empty)];
    }

    private void RequireRank(TfLiteOperator op, TfLiteTensor t, int rank)
    {
        if (t.Shape.Length != rank)
        {
            throw Fail(op, $"tensor '{t.Name}' has shape [{string.Join(',', t.Shape)}], expected rank {rank}");
        }
    }
}
