using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Landmarks;

namespace ValgusVision.Pose.Tests.Unit;

public class HeatmapRefinerTests
{
    private const int Channels = 39;

    private static float[] ColdHeatmap()
    {
        var heatmap = new float[64 * 64 * Channels];
        Array.Fill(heatmap, -100f); // σ(−100) ≈ 4e−44: no weight
        return heatmap;
    }

    private static void Set(float[] heatmap, int row, int col, int channel, float logit) =>
        heatmap[(row * 64 + col) * Channels + channel] = logit;

    [Fact]
    public void Confident_cells_pull_the_landmark_to_their_weighted_mean_cell_index()
    {
        float[] heatmap = ColdHeatmap();
        Set(heatmap, 10, 20, 0, 100f); // σ = 1
        Set(heatmap, 10, 21, 0, 0f);   // σ = 0.5
        Set(heatmap, 12, 20, 0, 0f);   // σ = 0.5
        var lms = new Landmark[Channels];
        lms[0] = new Landmark(20.9f / 64, 10.2f / 64, 0.3f, 0.4f, 0.6f);

        HeatmapRefiner.Refine(heatmap, Channels, lms);

        // x = (20·1 + 21·0.5 + 20·0.5)/2 / 64 = 20.25/64; y = (10·1 + 10·0.5 + 12·0.5)/2 / 64 = 10.5/64.
        Assert.Equal(20.25f / 64, lms[0].X, 6);
        Assert.Equal(10.5f / 64, lms[0].Y, 6);
        Assert.Equal(0.3f, lms[0].Z);
        Assert.Equal(0.4f, lms[0].Visibility);
    }

    [Fact]
    public void Window_is_7x7_around_the_truncated_cell()
    {
        float[] heatmap = ColdHeatmap();
        Set(heatmap, 30, 30, 1, 100f);
        Set(heatmap, 30, 34, 1, 100f); // 4 columns away: outside the ±3 window
        var lms = new Landmark[Channels];
        lms[1] = new Landmark(30.99f / 64, 30.5f / 64, 0, 0, 0);

        HeatmapRefiner.Refine(heatmap, Channels, lms);

        Assert.Equal(30f / 64, lms[1].X, 6);
        Assert.Equal(30f / 64, lms[1].Y, 6);
    }

    [Fact]
    public void Unconfident_window_leaves_the_landmark_unchanged()
    {
        float[] heatmap = ColdHeatmap();
        Set(heatmap, 5, 5, 2, -0.1f); // σ < 0.5
        var lms = new Landmark[Channels];
        lms[2] = new Landmark(5.5f / 64, 5.5f / 64, 0, 0, 0);

        HeatmapRefiner.Refine(heatmap, Channels, lms);

        Assert.Equal(5.5f / 64, lms[2].X);
    }

    [Fact]
    public void Landmark_left_of_the_heatmap_is_unchanged_but_slightly_negative_x_truncates_into_cell_0()
    {
        float[] heatmap = ColdHeatmap();
        Set(heatmap, 0, 1, 3, 100f);
        Set(heatmap, 0, 1, 4, 100f);
        var lms = new Landmark[Channels];
        lms[3] = new Landmark(-1.5f / 64, 0.5f / 64, 0, 0, 0);
        lms[4] = new Landmark(-0.5f / 64, 0.5f / 64, 0, 0, 0);

        HeatmapRefiner.Refine(heatmap, Channels, lms);

        Assert.Equal(-1.5f / 64, lms[3].X);
        Assert.Equal(1f / 64, lms[4].X, 6);
    }

    [Fact]
    public void Row_just_below_the_heatmap_is_still_refined_as_in_MediaPipe()
    {
        // MediaPipe checks the column against the height, not the row: row 65 is refined from rows 62–63.
        float[] heatmap = ColdHeatmap();
        Set(heatmap, 63, 40, 5, 100f);
        var lms = new Landmark[Channels];
        lms[5] = new Landmark(40.5f / 64, 65.5f / 64, 0, 0, 0);

        HeatmapRefiner.Refine(heatmap, Channels, lms);

        Assert.Equal(63f / 64, lms[5].Y, 6);
        Assert.Equal(40f / 64, lms[5].X, 6);
    }
    [Fact]
    public void Window_zero_leaves_the_landmarks_as_decoded()
    {
        float[] heatmap = ColdHeatmap();
        Set(heatmap, 10, 20, 0, 100f);
        var lms = new Landmark[Channels];
        lms[0] = new Landmark(20.9f / 64, 10.2f / 64, 0, 1, 1);

        HeatmapRefiner.Refine(heatmap, Channels, lms, kernelSize: 0);

        Assert.Equal(20.9f / 64, lms[0].X);
    }

    [Fact]
    public void A_wider_window_reaches_confident_cells_a_narrow_one_misses()
    {
        float[] heatmap = ColdHeatmap();
        Set(heatmap, 10, 25, 0, 100f); // 5 cells right of the landmark's cell
        var narrow = new Landmark[Channels];
        narrow[0] = new Landmark(20.5f / 64, 10.5f / 64, 0, 1, 1);
        var wide = (Landmark[])narrow.Clone();

        HeatmapRefiner.Refine(heatmap, Channels, narrow, kernelSize: 7);
        HeatmapRefiner.Refine(heatmap, Channels, wide, kernelSize: 11);

        Assert.Equal(20.5f / 64, narrow[0].X);
        Assert.Equal(25f / 64, wide[0].X, 5);
    }

    [Fact]
    public void An_even_window_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HeatmapRefiner.Refine(ColdHeatmap(), Channels, new Landmark[Channels], kernelSize: 6));
}
