using ValgusVision.ModelTools.Converter;

namespace ValgusVision.ModelTools.Tests.Converter;

/// <summary>Hand-computed cases for the padding rule and the constant permutation.</summary>
public sealed class ConverterMathTests
{
    [Theory]
    [InlineData(256, 3, 2, 0, 1, 128)] // even input, stride 2: total 1, extra at the end
    [InlineData(255, 3, 2, 1, 1, 128)] // odd input, stride 2: total 2, split evenly
    [InlineData(64, 3, 1, 1, 1, 64)]
    [InlineData(64, 5, 1, 2, 2, 64)]
    [InlineData(8, 1, 1, 0, 0, 8)]
    [InlineData(7, 2, 2, 0, 1, 4)]
    public void Same_padding_matches_tensorflow(int input, int kernel, int stride, int before, int after, int output)
        => Assert.Equal((before, after, output), TfSamePadding.Same(input, kernel, stride, 1));

    [Fact]
    public void Same_padding_counts_dilation_in_the_kernel_extent()
        => Assert.Equal((2, 2, 10), TfSamePadding.Same(10, 3, 1, 2));

    [Fact]
    public void Valid_padding_keeps_only_whole_windows()
        => Assert.Equal((0, 0, 127), TfSamePadding.Valid(256, 3, 2, 1));

    [Fact]
    public void Permute_ohwi_to_oihw()
    {
        // [O=2, H=1, W=2, I=3] with value = 100·o + 10·w + i; OIHW reads (o, i, h, w).
        int[] shape = [2, 1, 2, 3];
        var data = new float[12];
        for (int o = 0; o < 2; o++)
        {
            for (int w = 0; w < 2; w++)
            {
                for (int i = 0; i < 3; i++)
                {
                    data[(o * 6) + (w * 3) + i] = (100 * o) + (10 * w) + i;
                }
            }
        }

        float[] result = LayoutPermutation.Permute(data, shape, [0, 3, 1, 2], out int[] permuted);
        Assert.Equal([2, 3, 1, 2], permuted);
        Assert.Equal([0f, 10, 1, 11, 2, 12, 100, 110, 101, 111, 102, 112], result);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 1)]
    public void Nhwc_axis_maps_to_its_nchw_position(int nhwc, int nchw)
        => Assert.Equal(nchw, LayoutPermutation.NchwPositionOf(nhwc));
}
