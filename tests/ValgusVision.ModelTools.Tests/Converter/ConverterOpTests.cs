using ValgusVision.ModelTools.Converter;
using ValgusVision.ModelTools.TfLite;
using ValgusVision.ModelTools.Tests.TfLite;
using static ValgusVision.ModelTools.Tests.TfLite.TfLiteTestModel;
using Op = ValgusVision.ModelTools.TfLite.TfLiteBuiltinOperator;

namespace ValgusVision.ModelTools.Tests.Converter;

/// <summary>
/// Each op mapping on a tiny TFLite model, converted and run by ONNX Runtime, against values computed by
/// hand from TFLite's definitions. Inputs and outputs are NHWC, as in the file; inside, the graph is NCHW.
/// </summary>
public sealed class ConverterOpTests
{
    private static float[] RunConverted(TfLiteTestModel m, float[] input, int[] shape, string output = "Identity")
    {
        byte[] onnx = TfLiteToOnnxConverter.Convert(m.Parse());
        var outputs = OnnxRun.Run(onnx, "input_1", input, shape);
        return outputs[output].Data;
    }

    [Fact]
    public void Same_padding_with_stride_2_pads_the_extra_row_and_column_at_bottom_right()
    {
        // 4×4 input 1..16, 3×3 kernel of ones, stride 2: TensorFlow pads 0 before and 1 after, so the first
        // window covers rows/cols 0–2 (sum 54), not −1..1 (sum 14) as a symmetric pad would.
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 4, 4, 1]);
        int w = m.HalfWeight("w", [1, 3, 3, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1]);
        int b = m.Float32("b", [1], 0);
        int y = m.Tensor("Identity", [1, 2, 2, 1]);
        m.Op(Op.CONV_2D, [x, w, b], [y], Conv(TfLitePadding.SAME, 2));
        m.Graph([x], [y]);

        Assert.Equal([54f, 45f, 72f, 54f], RunConverted(m, OnnxRun.Sequence(16), [1, 4, 4, 1]));
    }

    [Fact]
    public void Conv_kernel_layout_ohwi_and_fused_relu6_are_honoured()
    {
        // One pixel with channels (a, b) = (1, 2); kernels [O=3,1,1,I=2]: (1,2), (−1,0), (3,3); bias (0, 0.5, 1).
        // out = (1+4, −1+0.5, 3+6+1) = (5, −0.5, 10) → RELU6 → (5, 0, 6).
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 1, 1, 2]);
        int w = m.HalfWeight("w", [3, 1, 1, 2], [1, 2, -1, 0, 3, 3]);
        int b = m.Float32("b", [3], 0, 0.5f, 1);
        int y = m.Tensor("Identity", [1, 1, 1, 3]);
        m.Op(Op.CONV_2D, [x, w, b], [y], Conv(TfLitePadding.VALID, 1, TfLiteActivation.RELU6));
        m.Graph([x], [y]);

        Assert.Equal([5f, 0f, 6f], RunConverted(m, [1, 2], [1, 1, 1, 2]));
    }

    [Fact]
    public void Depthwise_kernel_applies_per_channel()
    {
        // 3×3 input, 2 channels (ch0 = 1..9, ch1 = 10..18); kernel ch0 all ones, ch1 only the centre = 2.
        // SAME, stride 1: the centre output is (sum of ch0 = 45, 2·14 = 28); the top-left corner sees
        // ch0 rows/cols 0–1 (1+2+4+5 = 12) and ch1's own value (2·10 = 20).
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 3, 3, 2]);
        var kernel = new float[18];
        for (int i = 0; i < 9; i++)
        {
            kernel[2 * i] = 1;
        }

        kernel[(2 * 4) + 1] = 2;
        int w = m.HalfWeight("w", [1, 3, 3, 2], kernel);
        int b = m.Float32("b", [2], 0, 0);
        int y = m.Tensor("Identity", [1, 3, 3, 2]);
        m.Op(Op.DEPTHWISE_CONV_2D, [x, w, b], [y], Depthwise(TfLitePadding.SAME, 1));
        m.Graph([x], [y]);

        var input = new float[18];
        for (int i = 0; i < 9; i++)
        {
            input[2 * i] = i + 1;
            input[(2 * i) + 1] = i + 10;
        }

        float[] output = RunConverted(m, input, [1, 3, 3, 2]);
        Assert.Equal([12f, 20f], output[0..2]);
        Assert.Equal([45f, 28f], output[8..10]);
    }

    [Fact]
    public void Reshape_after_a_convolution_flattens_in_nhwc_order()
    {
        // An identity 1×1 conv forces the NCHW path; the reshape must still read NHWC order, giving the
        // input back unchanged (NCHW order would give 1,3,5,7,2,4,6,8).
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 2, 2, 2]);
        int w = m.HalfWeight("w", [2, 1, 1, 2], [1, 0, 0, 1]);
        int b = m.Float32("b", [2], 0, 0);
        int c = m.Tensor("conv", [1, 2, 2, 2]);
        int shape = m.Int32("shape", [2], 1, 8);
        int y = m.Tensor("Identity", [1, 8]);
        m.Op(Op.CONV_2D, [x, w, b], [c], Conv(TfLitePadding.VALID, 1));
        m.Op(Op.RESHAPE, [c, shape], [y], ReshapeTo(1, 8));
        m.Graph([x], [y]);

        Assert.Equal(OnnxRun.Sequence(8), RunConverted(m, OnnxRun.Sequence(8), [1, 2, 2, 2]));
    }

    [Fact]
    public void Depth_to_space_uses_dcr_order()
    {
        // [1,1,1,8] → [1,2,2,2]: output (i, j, c) takes input channel (i·2 + j)·2 + c, so NHWC order is kept
        // (CRD would give 1,5,2,6,3,7,4,8).
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 1, 1, 8]);
        int y = m.Tensor("Identity", [1, 2, 2, 2]);
        m.Op(Op.DEPTH_TO_SPACE, [x], [y], DepthToSpace(2));
        m.Graph([x], [y]);

        Assert.Equal(OnnxRun.Sequence(8), RunConverted(m, OnnxRun.Sequence(8), [1, 1, 1, 8]));
    }

    [Fact]
    public void Resize_bilinear_half_pixel_clamps_at_the_borders()
    {
        // [[0,1],[2,3]] ×2 with half-pixel centres: along each axis the weights give 0, .25, .75, 1 of the
        // way from the first to the second sample (the border rows copy the edge), so f(y, x) = 2·Y + X.
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 2, 2, 1]);
        int size = m.Int32("size", [2], 4, 4);
        int y = m.Tensor("Identity", [1, 4, 4, 1]);
        m.Op(Op.RESIZE_BILINEAR, [x, size], [y], Resize(false, true));
        m.Graph([x], [y]);

        float[] steps = [0, 0.25f, 0.75f, 1];
        var expected = new float[16];
        for (int r = 0; r < 4; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                expected[(4 * r) + c] = (2 * steps[r]) + steps[c];
            }
        }

        Assert.Equal(expected, RunConverted(m, [0, 1, 2, 3], [1, 2, 2, 1]));
    }

    [Fact]
    public void Channel_pad_after_a_convolution_lands_on_the_channel_axis()
    {
        // Heavy pads channels ([0,0],[0,0],[0,0],[0,2]) on an NCHW-computed map: the new channels are zeros after the old ones.
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 1, 2, 2]);
        int w = m.HalfWeight("w", [2, 1, 1, 2], [1, 0, 0, 1]);
        int b = m.Float32("b", [2], 0, 0);
        int c = m.Tensor("conv", [1, 1, 2, 2]);
        int pads = m.Int32("pads", [4, 2], 0, 0, 0, 0, 0, 0, 0, 2);
        int y = m.Tensor("Identity", [1, 1, 2, 4]);
        m.Op(Op.CONV_2D, [x, w, b], [c], Conv(TfLitePadding.VALID, 1));
        m.Op(Op.PAD, [c, pads], [y]);
        m.Graph([x], [y]);

        Assert.Equal([1f, 2f, 0f, 0f, 3f, 4f, 0f, 0f], RunConverted(m, [1, 2, 3, 4], [1, 1, 2, 2]));
    }

    [Fact]
    public void Spatial_pad_then_valid_max_pool()
    {
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 3, 3, 1]);
        int pads = m.Int32("pads", [4, 2], 0, 0, 1, 0, 1, 0, 0, 0);
        int p = m.Tensor("padded", [1, 4, 4, 1]);
        int y = m.Tensor("Identity", [1, 2, 2, 1]);
        m.Op(Op.PAD, [x, pads], [p]);
        m.Op(Op.MAX_POOL_2D, [p], [y], Pool(TfLitePadding.VALID, 2, 2));
        m.Graph([x], [y]);

        // Input 1..9 padded with a zero row on top and a zero column on the left; the 2×2 windows hold
        // {0,0,0,1}, {0,0,2,3}, {0,4,0,7}, {5,6,8,9}.
        Assert.Equal([1f, 3f, 7f, 9f], RunConverted(m, OnnxRun.Sequence(9), [1, 3, 3, 1]));
    }

    [Fact]
    public void Add_with_relu6_logistic_and_concatenation_on_channels()
    {
        // y1 = RELU6(x + x) = (2, 6); y2 = sigmoid(x) = (σ1, σ4); concatenated on the channel axis.
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 1, 1, 2]);
        int s = m.Tensor("sum", [1, 1, 1, 2]);
        int l = m.Tensor("logistic", [1, 1, 1, 2]);
        int y = m.Tensor("Identity", [1, 1, 1, 4]);
        m.Op(Op.ADD, [x, x], [s], AddOptions(TfLiteActivation.RELU6));
        m.Op(Op.LOGISTIC, [x], [l]);
        m.Op(Op.CONCATENATION, [s, l], [y], Concat(3));
        m.Graph([x], [y]);

        float[] output = RunConverted(m, [1, 4], [1, 1, 1, 2]);
        Assert.Equal(2f, output[0]);
        Assert.Equal(6f, output[1]);
        Assert.Equal(1 / (1 + Math.Exp(-1)), output[2], 6);
        Assert.Equal(1 / (1 + Math.Exp(-4)), output[3], 6);
    }

    [Fact]
    public void Densified_csr_weights_feed_a_convolution()
    {
        // Kernel [O=2,1,1,I=3] stored sparse: row 0 has (col 0 → 1, col 2 → 2), row 1 has (col 1 → 3).
        // On (a,b,c) = (1,2,3): out = (1 + 6, 6) = (7, 6).
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 1, 1, 3]);
        var dense = FlatBufferBuilder.T((0, FlatBufferBuilder.U8(0)), (1, FlatBufferBuilder.I32(1)));
        var sparsity = FlatBufferBuilder.T(
            (0, FlatBufferBuilder.Ints(0, 1, 2, 3)),
            (2, new FlatBufferBuilder.TableVector([
                FlatBufferBuilder.T((0, FlatBufferBuilder.U8(0)), (1, FlatBufferBuilder.I32(2))),
                dense,
                dense,
                FlatBufferBuilder.T(
                    (0, FlatBufferBuilder.U8(1)),
                    (2, FlatBufferBuilder.U8(1)),
                    (3, FlatBufferBuilder.T((0, FlatBufferBuilder.Ints(0, 2, 3)))),
                    (4, FlatBufferBuilder.U8(1)),
                    (5, FlatBufferBuilder.T((0, FlatBufferBuilder.Ints(0, 2, 1))))),
            ])));
        byte[] halves = new byte[6];
        float[] stored = [1, 2, 3];
        for (int i = 0; i < 3; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteHalfLittleEndian(halves.AsSpan(2 * i), (Half)stored[i]);
        }

        int sparse = m.Tensor("w_sparse", [2, 1, 1, 3], TfLiteTensorType.FLOAT16, sparsity: sparsity, data: halves);
        int denseHalf = m.Tensor("w_fp16", [2, 1, 1, 3], TfLiteTensorType.FLOAT16);
        int w = m.Tensor("w", [2, 1, 1, 3]);
        int b = m.Float32("b", [2], 0, 0);
        int y = m.Tensor("Identity", [1, 1, 1, 2]);
        m.Op(Op.DENSIFY, [sparse], [denseHalf]);
        m.Op(Op.DEQUANTIZE, [denseHalf], [w]);
        m.Op(Op.CONV_2D, [x, w, b], [y], Conv(TfLitePadding.VALID, 1));
        m.Graph([x], [y]);

        Assert.Equal([7f, 6f], RunConverted(m, [1, 2, 3], [1, 1, 1, 3]));
    }

    [Fact]
    public void Four_dimensional_output_keeps_its_name_nhwc_shape_and_order()
    {
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 2, 3, 2]);
        int w = m.HalfWeight("w", [2, 1, 1, 2], [0, 1, 1, 0]);
        int b = m.Float32("b", [2], 0, 0);
        int y = m.Tensor("Identity_3", [1, 2, 3, 2]);
        m.Op(Op.CONV_2D, [x, w, b], [y], Conv(TfLitePadding.SAME, 1));
        m.Graph([x], [y]);

        byte[] onnx = TfLiteToOnnxConverter.Convert(m.Parse());
        var outputs = OnnxRun.Run(onnx, "input_1", OnnxRun.Sequence(12), [1, 2, 3, 2]);
        (float[] data, int[] shape) = Assert.Single(outputs).Value;
        Assert.Equal("Identity_3", outputs.Keys.Single());
        Assert.Equal([1, 2, 3, 2], shape);
        Assert.Equal([2f, 1f, 4f, 3f, 6f, 5f, 8f, 7f, 10f, 9f, 12f, 11f], data);
    }
}
