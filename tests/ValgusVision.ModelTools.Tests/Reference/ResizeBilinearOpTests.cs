namespace ValgusVision.ModelTools.Tests.Reference;

public class ResizeBilinearOpTests
{
    [Fact]
    public void Half_pixel_taps_clamp_at_both_borders()
    {
        // 2 → 4, scale 0.5: s = (i + 0.5)/2 − 0.5 = −0.25, 0.25, 0.75, 1.25. The first and last clamp to one pixel.
        var taps = ResizeBilinearOp.Taps(2, 4, alignCorners: false, halfPixelCenters: true);

        Assert.Equal((0, 0), (taps[0].Lower, taps[0].Upper));
        Assert.Equal((0, 1, 0.25), taps[1]);
        Assert.Equal((0, 1, 0.75), taps[2]);
        Assert.Equal((1, 1), (taps[3].Lower, taps[3].Upper));
    }

    [Fact]
    public void Half_pixel_resize_repeats_edge_pixels_and_blends_inside()
    {
        var input = new ReferenceTensor(new[] { 1, 2, 2, 1 }, new double[] { 0, 1, 2, 7 });
        var output = ResizeBilinearOp.Run(input, 4, 4, alignCorners: false, halfPixelCenters: true);

        // Row weights per output row/col: [1,0], [.75,.25], [.25,.75], [0,1].
        // (1,1): .75·.75·0 + .25·.75·2 + .75·.25·1 + .25·.25·7 = 1.0; (2,1): .25·.75·0 + .75·.75·2 + .25·.25·1 + .75·.25·7 = 2.5.
        var expected = new double[]
        {
            0, 0.25, 0.75, 1,
            0.5, 1.0, 2.0, 2.5,
            1.5, 2.5, 4.5, 5.5,
            2, 3.25, 5.75, 7,
        };
        TensorAssert.Equal(new[] { 1, 4, 4, 1 }, expected, output);
    }

    [Fact]
    public void Without_half_pixel_centres_the_last_output_repeats_the_last_pixel()
    {
        // s = i·0.5 = 0, 0.5, 1, 1.5 → upper tap clamps at 1.
        var input = new ReferenceTensor(new[] { 1, 1, 2, 1 }, new double[] { 0, 1 });
        var output = ResizeBilinearOp.Run(input, 1, 4, alignCorners: false, halfPixelCenters: false);

        TensorAssert.Equal(new[] { 1, 1, 4, 1 }, new double[] { 0, 0.5, 1, 1 }, output);
    }

    [Fact]
    public void Align_corners_maps_first_and_last_pixels_onto_each_other()
    {
        // scale (2−1)/(3−1) = 0.5: s = 0, 0.5, 1.
        var input = new ReferenceTensor(new[] { 1, 1, 2, 1 }, new double[] { 0, 1 });
        var output = ResizeBilinearOp.Run(input, 1, 3, alignCorners: true, halfPixelCenters: false);

        TensorAssert.Equal(new[] { 1, 1, 3, 1 }, new double[] { 0, 0.5, 1 }, output);
    }
}
