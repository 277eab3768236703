using ValgusVision.Pose.Detection;

namespace ValgusVision.Pose.Tests.Unit;

public class SsdAnchorsTests
{
    private static (float X, float Y) Anchor(int i) => (SsdAnchors.Centers[2 * i], SsdAnchors.Centers[2 * i + 1]);

    [Fact]
    public void There_are_2254_anchors()
    {
        Assert.Equal(2254 * 2, SsdAnchors.Centers.Length);
    }

    [Fact]
    public void First_anchors_are_the_centre_of_the_top_left_stride_8_cell_twice()
    {
        // 28×28 grid: cell (0, 0) centre = 0.5 / 28.
        Assert.Equal((0.5f / 28, 0.5f / 28), Anchor(0));
        Assert.Equal((0.5f / 28, 0.5f / 28), Anchor(1));
        Assert.Equal((1.5f / 28, 0.5f / 28), Anchor(2));
    }

    [Fact]
    public void Stride_16_block_starts_at_1568_and_stride_32_block_at_1960()
    {
        Assert.Equal((27.5f / 28, 27.5f / 28), Anchor(1567));
        Assert.Equal((0.5f / 14, 0.5f / 14), Anchor(1568));
        Assert.Equal((13.5f / 14, 13.5f / 14), Anchor(1959));
        for (int a = 1960; a < 1966; a++)
        {
            // Three merged stride-32 layers give 6 identical anchors per cell of the 7×7 grid.
            Assert.Equal((0.5f / 7, 0.5f / 7), Anchor(a));
        }

        Assert.Equal((1.5f / 7, 0.5f / 7), Anchor(1966));
    }

    [Fact]
    public void Last_anchor_is_the_centre_of_the_bottom_right_stride_32_cell()
    {
        Assert.Equal((6.5f / 7, 6.5f / 7), Anchor(2253));
        Assert.Equal((6.5f / 7, 6.5f / 7), Anchor(2248));
        Assert.Equal((5.5f / 7, 6.5f / 7), Anchor(2247));
    }
}
