namespace ValgusVision.ModelTools.Tests.Reference;

public class ConvolutionOpTests
{
    // Input 4×4 ramp (value 4y + x), 3×3 kernel of ones. SAME with stride 2 gives 2×2 and a total padding of
    // (2−1)·2 + 3 − 4 = 1, all of it after (bottom/right): window (0,0) covers rows 0–2 × cols 0–2 = 45,
    // (0,1) rows 0–2 × cols 2–3 = 39, (1,0) rows 2–3 × cols 0–2 = 66, (1,1) rows 2–3 × cols 2–3 = 50.
    private static readonly double[] SameStride2OnesOver4x4Ramp = { 45, 39, 66, 50 };

    [Fact]
    public void Same_padding_with_stride_2_pads_the_extra_row_and_column_at_bottom_right()
    {
        var output = Conv2DOp.Run(
            TensorAssert.Ramp(4, 4), TensorAssert.Filled(new[] { 1, 3, 3, 1 }, 1), null,
            PaddingKind.Same, 2, 2, 1, 1, FusedActivation.None);

        TensorAssert.Equal(new[] { 1, 2, 2, 1 }, SameStride2OnesOver4x4Ramp, output);
    }

    [Fact]
    public void Same_padding_with_stride_1_pads_one_on_each_side_for_a_3x3_kernel()
    {
        var output = Conv2DOp.Run(
            TensorAssert.Ramp(3, 3), TensorAssert.Filled(new[] { 1, 3, 3, 1 }, 1), null,
            PaddingKind.Same, 1, 1, 1, 1, FusedActivation.None);

        // Corner (0,0) sees rows 0–1 × cols 0–1 of the ramp 0..8: 0+1+3+4; centre sees all nine: 36.
        Assert.Equal(8, output.Data[0]);
        Assert.Equal(36, output.Data[4]);
        Assert.Equal(4 + 5 + 7 + 8, output.Data[8]);
    }

    [Fact]
    public void Explicit_pad_then_valid_stride_2_pads_symmetrically()
    {
        var padded = PadOp.Run(TensorAssert.Ramp(4, 4), PaddingsTensor(0, 0, 1, 1, 1, 1, 0, 0));
        var output = DepthwiseConv2DOp.Run(
            padded, TensorAssert.Filled(new[] { 1, 3, 3, 1 }, 1), null,
            PaddingKind.Valid, 2, 2, 1, 1, 1, FusedActivation.None);

        // Windows start at rows/cols −1 and 1 of the original: (0,0) = 0+1+4+5, (0,1) = 1+2+3+5+6+7,
        // (1,0) = 4+5+8+9+12+13, (1,1) = 5+6+7+9+10+11+13+14+15.
        TensorAssert.Equal(new[] { 1, 2, 2, 1 }, new double[] { 10, 24, 51, 90 }, output);
    }

    [Fact]
    public void Depthwise_same_stride_2_matches_the_hand_sums_per_channel()
    {
        // Channel 0: the 4×4 ramp with weight 1; channel 1: the ramp negated with weight 2.
        var input = new double[32];
        for (int i = 0; i < 16; i++)
        {
            input[2 * i] = i;
            input[2 * i + 1] = -i;
        }
        var filter = new double[18];
        for (int k = 0; k < 9; k++)
        {
            filter[2 * k] = 1;
            filter[2 * k + 1] = 2;
        }
        var output = DepthwiseConv2DOp.Run(
            new ReferenceTensor(new[] { 1, 4, 4, 2 }, input), new ReferenceTensor(new[] { 1, 3, 3, 2 }, filter),
            new ReferenceTensor(new[] { 2 }, new double[] { 0.5, 0 }),
            PaddingKind.Same, 2, 2, 1, 1, 1, FusedActivation.None);

        TensorAssert.Equal(new[] { 1, 2, 2, 2 }, new double[] { 45.5, -90, 39.5, -78, 66.5, -132, 50.5, -100 }, output);
    }

    [Fact]
    public void Relu6_fusion_clamps_convolution_output_to_0_and_6()
    {
        // Pixels (1,2) and (3,−4); output channel 0 weights (1,1) bias 0.5, channel 1 weights (2,−1) bias −1.
        var output = Conv2DOp.Run(
            new ReferenceTensor(new[] { 1, 1, 2, 2 }, new double[] { 1, 2, 3, -4 }),
            new ReferenceTensor(new[] { 2, 1, 1, 2 }, new double[] { 1, 1, 2, -1 }),
            new ReferenceTensor(new[] { 2 }, new double[] { 0.5, -1 }),
            PaddingKind.Valid, 1, 1, 1, 1, FusedActivation.Relu6);

        // Unclamped: (3.5, −1) and (−0.5, 9).
        TensorAssert.Equal(new[] { 1, 1, 2, 2 }, new double[] { 3.5, 0, 0, 6 }, output);
    }

    [Fact]
    public void Relu_fusion_keeps_values_above_6()
    {
        var output = Conv2DOp.Run(
            new ReferenceTensor(new[] { 1, 1, 1, 1 }, new double[] { 4 }),
            new ReferenceTensor(new[] { 2, 1, 1, 1 }, new double[] { 2, -2 }),
            null, PaddingKind.Valid, 1, 1, 1, 1, FusedActivation.Relu);

        TensorAssert.Equal(new[] { 1, 1, 1, 2 }, new double[] { 8, 0 }, output);
    }

    [Fact]
    public void Dilation_2_spaces_the_taps_two_pixels_apart()
    {
        // 5×5 ramp (5y + x), 3×3 ones dilated by 2, VALID: taps at rows/cols 0, 2, 4 → 3·5·6 + 3·6 = 108.
        var output = Conv2DOp.Run(
            TensorAssert.Ramp(5, 5), TensorAssert.Filled(new[] { 1, 3, 3, 1 }, 1), null,
            PaddingKind.Valid, 1, 1, 2, 2, FusedActivation.None);

        TensorAssert.Equal(new[] { 1, 1, 1, 1 }, new double[] { 108 }, output);
    }

    [Fact]
    public void Convolution_sums_over_input_channels_with_the_filter_in_OHWI_order()
    {
        // 1×2 input with 2 channels, one 1×2 kernel: out = Σ in[x,c]·f[0,0,x,c] = 1·1 + 2·10 + 3·100 + 4·1000.
        var output = Conv2DOp.Run(
            new ReferenceTensor(new[] { 1, 1, 2, 2 }, new double[] { 1, 2, 3, 4 }),
            new ReferenceTensor(new[] { 1, 1, 2, 2 }, new double[] { 1, 10, 100, 1000 }),
            null, PaddingKind.Valid, 1, 1, 1, 1, FusedActivation.None);

        TensorAssert.Equal(new[] { 1, 1, 1, 1 }, new double[] { 4321 }, output);
    }

    [Fact]
    public void Float16_weights_are_refused_until_dequantized()
    {
        var half = new ReferenceTensor(new[] { 1, 1, 1, 1 }, new double[] { 1 }, ReferenceElementType.Float16);
        var ex = Assert.Throws<ArgumentException>(() => Conv2DOp.Run(
            TensorAssert.Ramp(1, 1), half, null, PaddingKind.Valid, 1, 1, 1, 1, FusedActivation.None));
        Assert.Contains("filter", ex.Message);
    }

    internal static ReferenceTensor PaddingsTensor(params double[] beforeAfter) =>
        new(new[] { beforeAfter.Length / 2, 2 }, beforeAfter, ReferenceElementType.Int32);
}
