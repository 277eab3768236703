namespace ValgusVision.ModelTools.Tests.Reference;

public class LayoutOpTests
{
    [Fact]
    public void Pad_on_the_channel_axis_appends_zero_channels_to_every_pixel()
    {
        var input = new ReferenceTensor(new[] { 1, 1, 2, 2 }, new double[] { 1, 2, 3, 4 });
        var output = PadOp.Run(input, ConvolutionOpTests.PaddingsTensor(0, 0, 0, 0, 0, 0, 0, 2));

        TensorAssert.Equal(new[] { 1, 1, 2, 4 }, new double[] { 1, 2, 0, 0, 3, 4, 0, 0 }, output);
    }

    [Fact]
    public void Pad_on_the_spatial_axes_surrounds_the_image_with_zeros()
    {
        var input = new ReferenceTensor(new[] { 1, 1, 2, 1 }, new double[] { 7, 8 });
        var output = PadOp.Run(input, ConvolutionOpTests.PaddingsTensor(0, 0, 1, 0, 0, 1, 0, 0));

        TensorAssert.Equal(new[] { 1, 2, 3, 1 }, new double[] { 0, 0, 0, 7, 8, 0 }, output);
    }

    [Fact]
    public void Max_pool_2x2_stride_2_takes_each_block_maximum()
    {
        var output = MaxPool2DOp.Run(TensorAssert.Ramp(4, 4), PaddingKind.Valid, 2, 2, 2, 2, FusedActivation.None);

        TensorAssert.Equal(new[] { 1, 2, 2, 1 }, new double[] { 5, 7, 13, 15 }, output);
    }

    [Fact]
    public void Max_pool_same_ignores_the_padded_taps()
    {
        // All values negative: a padded zero would win if padding took part.
        var input = new ReferenceTensor(new[] { 1, 1, 3, 1 }, new double[] { -3, -2, -1 });
        var output = MaxPool2DOp.Run(input, PaddingKind.Same, 1, 2, 1, 2, FusedActivation.None);

        // SAME, stride 2 over 3: out 2, total pad (2−1)·2 + 2 − 3 = 1 after → windows {−3,−2} and {−1, pad}.
        TensorAssert.Equal(new[] { 1, 1, 2, 1 }, new double[] { -2, -1 }, output);
    }

    [Fact]
    public void Depth_to_space_places_each_block_in_DCR_order()
    {
        // One pixel of 8 channels, block 2, 2 output channels: DCR reads channel (dy·2 + dx)·2 + c, so the
        // values stay in order. (CRD would read c·4 + dy·2 + dx and give 0,4,1,5,2,6,3,7.)
        var input = new ReferenceTensor(new[] { 1, 1, 1, 8 }, new double[] { 0, 1, 2, 3, 4, 5, 6, 7 });
        var output = DepthToSpaceOp.Run(input, 2);

        TensorAssert.Equal(new[] { 1, 2, 2, 2 }, new double[] { 0, 1, 2, 3, 4, 5, 6, 7 }, output);
    }

    [Fact]
    public void Depth_to_space_interleaves_neighbouring_pixels_blocks()
    {
        // Two pixels of 4 channels, block 2, 1 channel: pixel x's block fills columns 2x, 2x+1 of rows 0–1.
        var input = new ReferenceTensor(new[] { 1, 1, 2, 4 }, new double[] { 0, 1, 2, 3, 4, 5, 6, 7 });
        var output = DepthToSpaceOp.Run(input, 2);

        TensorAssert.Equal(new[] { 1, 2, 4, 1 }, new double[] { 0, 1, 4, 5, 2, 3, 6, 7 }, output);
    }

    [Fact]
    public void Reshape_keeps_the_NHWC_element_order_and_infers_minus_one()
    {
        var input = new ReferenceTensor(new[] { 1, 2, 2, 2 }, new double[] { 0, 1, 2, 3, 4, 5, 6, 7 });
        var output = ReshapeOp.Run(input, new[] { 1, -1, 2 });

        TensorAssert.Equal(new[] { 1, 4, 2 }, new double[] { 0, 1, 2, 3, 4, 5, 6, 7 }, output);
    }

    [Fact]
    public void Reshape_refuses_a_shape_with_another_element_count()
    {
        var ex = Assert.Throws<ArgumentException>(() => ReshapeOp.Run(ReferenceTensor.Zeros(1, 6), new[] { 1, 4 }));
        Assert.Contains("[1,6]", ex.Message);
    }

    [Fact]
    public void Concatenation_on_axis_1_stacks_anchor_groups()
    {
        var a = new ReferenceTensor(new[] { 1, 2, 2 }, new double[] { 1, 2, 3, 4 });
        var b = new ReferenceTensor(new[] { 1, 1, 2 }, new double[] { 5, 6 });
        var output = ConcatenationOp.Run(new[] { a, b }, 1, FusedActivation.None);

        TensorAssert.Equal(new[] { 1, 3, 2 }, new double[] { 1, 2, 3, 4, 5, 6 }, output);
    }

    [Fact]
    public void Concatenation_on_the_last_axis_interleaves_rows()
    {
        var a = new ReferenceTensor(new[] { 2, 2 }, new double[] { 1, 2, 3, 4 });
        var b = new ReferenceTensor(new[] { 2, 1 }, new double[] { -5, 6 });
        var output = ConcatenationOp.Run(new[] { a, b }, -1, FusedActivation.Relu);

        TensorAssert.Equal(new[] { 2, 3 }, new double[] { 1, 2, 0, 3, 4, 6 }, output);
    }
}
