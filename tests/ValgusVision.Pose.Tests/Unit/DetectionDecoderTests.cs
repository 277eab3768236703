using ValgusVision.Pose.Detection;

namespace ValgusVision.Pose.Tests.Unit;

public class DetectionDecoderTests
{
    private static (float[] Regressors, float[] Logits) EmptyOutputs()
    {
        var logits = new float[SsdAnchors.Count];
        Array.Fill(logits, -50f);
        return (new float[SsdAnchors.Count * 12], logits);
    }

    [Fact]
    public void Box_and_keypoints_are_offsets_from_the_anchor_in_224_pixel_units()
    {
        var (regressors, logits) = EmptyOutputs();

        // Anchor 1568 is the first stride-16 anchor, centre (0.5/14, 0.5/14) = (0.0357143, 0.0357143).
        int i = 1568;
        logits[i] = 2f;
        float[] row = [22.4f, -11.2f, 44.8f, 67.2f, 0f, 0f, 112f, 224f, -22.4f, 0f, 0f, 0f];
        row.CopyTo(regressors, i * 12);

        var output = new PoseDetection[SsdAnchors.Count];
        int count = DetectionDecoder.Decode(regressors, logits, 0.5f, output);

        Assert.Equal(1, count);
        PoseDetection d = output[0];
        const float a = 0.5f / 14;
        Assert.Equal(1f / (1f + MathF.Exp(-2f)), d.Score, 6); // 0.880797
        Assert.Equal(0.1f + a - 0.1f, d.XMin, 6);            // centre 0.1 + a, width 0.2
        Assert.Equal(-0.05f + a - 0.15f, d.YMin, 6);         // centre −0.05 + a, height 0.3
        Assert.Equal(0.2f, d.Width, 6);
        Assert.Equal(0.3f, d.Height, 6);
        Assert.Equal(a, d.HipCenterX, 6);
        Assert.Equal(0.5f + a, d.BodyPointX, 6);
        Assert.Equal(1f + a, d.BodyPointY, 6);
        Assert.Equal(-0.1f + a, d.Keypoints[4], 6);
    }

    [Fact]
    public void Score_threshold_is_inclusive_and_logits_are_clipped()
    {
        var (regressors, logits) = EmptyOutputs();
        logits[0] = 0f;      // σ = 0.5 exactly: kept at threshold 0.5 (≥)
        logits[1] = -0.01f;  // σ < 0.5: dropped
        logits[2] = 1e6f;    // clipped to 100: σ = 1
        var output = new PoseDetection[SsdAnchors.Count];

        int count = DetectionDecoder.Decode(regressors, logits, 0.5f, output);

        Assert.Equal(2, count);
        Assert.Equal(0.5f, output[0].Score);
        Assert.Equal(1f, output[1].Score);
    }

    [Fact]
    public void Boxes_with_negative_or_NaN_size_are_dropped()
    {
        var (regressors, logits) = EmptyOutputs();
        logits[0] = logits[1] = logits[2] = 5f;
        regressors[0 * 12 + 2] = -1f;
        regressors[1 * 12 + 3] = float.NaN;
        var output = new PoseDetection[SsdAnchors.Count];

        Assert.Equal(1, DetectionDecoder.Decode(regressors, logits, 0.5f, output));
    }
}
