using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Tracking;

namespace ValgusVision.Pose.Tests.Unit;

public class LegSwapDetectorTests
{
    private const float BodyScale = 400f;

    private static Landmark[] Legs(float leftX, float rightX, float shift = 0)
    {
        var lms = new Landmark[BodyLandmarks.Count];
        lms[(int)BodyLandmark.LeftKnee] = new Landmark(leftX + shift, 300, 0, 1, 1);
        lms[(int)BodyLandmark.LeftAnkle] = new Landmark(leftX + shift, 400, 0, 1, 1);
        lms[(int)BodyLandmark.RightKnee] = new Landmark(rightX + shift, 300, 0, 1, 1);
        lms[(int)BodyLandmark.RightAnkle] = new Landmark(rightX + shift, 400, 0, 1, 1);
        return lms;
    }

    [Fact]
    public void Legs_trading_places_between_frames_flag_the_frame_until_they_trade_back()
    {
        var detector = new LegSwapDetector();

        Assert.False(detector.Check(Legs(260, 140), BodyScale));
        Assert.False(detector.Check(Legs(262, 141), BodyScale));
        Assert.True(detector.Check(Legs(141, 262), BodyScale));      // labels flipped
        Assert.True(detector.Check(Legs(143, 263), BodyScale));      // still flipped
        Assert.False(detector.Check(Legs(263, 143), BodyScale));     // flipped back
    }

    [Fact]
    public void Fast_movement_of_both_legs_together_is_not_a_swap()
    {
        var detector = new LegSwapDetector();
        detector.Check(Legs(260, 140), BodyScale);

        Assert.False(detector.Check(Legs(260, 140, shift: 90), BodyScale));
    }

    [Fact]
    public void Legs_close_together_never_look_swapped()
    {
        var detector = new LegSwapDetector();
        detector.Check(Legs(202, 198), BodyScale);

        Assert.False(detector.Check(Legs(198, 202), BodyScale));
    }

    [Fact]
    public void Reset_clears_the_swapped_state()
    {
        var detector = new LegSwapDetector();
        detector.Check(Legs(260, 140), BodyScale);
        Assert.True(detector.Check(Legs(140, 260), BodyScale));
        detector.Reset();

        Assert.False(detector.Check(Legs(140, 260), BodyScale));
    }
}
