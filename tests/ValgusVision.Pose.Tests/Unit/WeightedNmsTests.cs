using ValgusVision.Pose.Detection;

namespace ValgusVision.Pose.Tests.Unit;

public class WeightedNmsTests
{
    private static PoseDetection Box(float score, float x, float y, float w, float h, float kx = 0)
    {
        var d = new PoseDetection { Score = score, XMin = x, YMin = y, Width = w, Height = h };
        d.Keypoints[0] = kx;
        return d;
    }

    [Fact]
    public void Iou_of_two_2x2_boxes_overlapping_by_one_cell_is_one_seventh()
    {
        Assert.Equal(1f / 7f, WeightedNms.IntersectionOverUnion(Box(1, 0, 0, 2, 2), Box(1, 1, 1, 2, 2)), 6);
        Assert.Equal(0f, WeightedNms.IntersectionOverUnion(Box(1, 0, 0, 1, 1), Box(1, 3, 3, 1, 1)));
    }

    [Fact]
    public void Overlapping_boxes_merge_to_the_score_weighted_mean_and_keep_the_top_score()
    {
        // B (0.6) overlaps A (0.9) with IoU 0.9/1.1 = 0.818 > 0.3; C (0.7) is far away. Input order is not score order.
        PoseDetection[] input = [Box(0.6f, 0.1f, 0, 1, 1, kx: 2f), Box(0.7f, 5, 5, 1, 1, kx: 7f), Box(0.9f, 0, 0, 1, 1, kx: 1f)];
        var output = new PoseDetection[3];

        int count = new WeightedNms().Run(input, output);

        Assert.Equal(2, count);
        PoseDetection merged = output[0];
        Assert.Equal(0.9f, merged.Score);
        Assert.Equal((0 * 0.9f + 0.1f * 0.6f) / 1.5f, merged.XMin, 6);               // 0.04
        Assert.Equal((1 * 0.9f + 1.1f * 0.6f) / 1.5f - 0.04f, merged.Width, 6);      // 1.04 − 0.04 = 1.0
        Assert.Equal(0f, merged.YMin, 6);
        Assert.Equal(1f, merged.Height, 6);
        Assert.Equal((1f * 0.9f + 2f * 0.6f) / 1.5f, merged.Keypoints[0], 6);       // 1.4
        Assert.Equal(0.7f, output[1].Score);
        Assert.Equal(5f, output[1].XMin, 5);
        Assert.Equal(7f, output[1].Keypoints[0], 5);
    }

    [Fact]
    public void Overlap_at_or_below_the_threshold_is_not_merged()
    {
        // IoU of a 1×1 box and the same box shifted by 0.5 in x and y: 0.25 / 1.75 = 0.143 ≤ 0.3.
        PoseDetection[] input = [Box(0.9f, 0, 0, 1, 1), Box(0.8f, 0.5f, 0.5f, 1, 1)];
        var output = new PoseDetection[2];

        Assert.Equal(2, new WeightedNms().Run(input, output));
        Assert.Equal(0f, output[0].XMin);
        Assert.Equal(0.5f, output[1].XMin);
    }

    [Fact]
    public void A_zero_area_top_box_ends_suppression_as_in_MediaPipe()
    {
        PoseDetection[] input = [Box(0.9f, 0, 0, 0, 0), Box(0.8f, 0.5f, 0.5f, 1, 1)];
        var output = new PoseDetection[2];

        Assert.Equal(1, new WeightedNms().Run(input, output));
    }
}
