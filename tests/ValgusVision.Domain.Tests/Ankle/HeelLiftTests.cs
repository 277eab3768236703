using ValgusVision.Domain.Ankle;

namespace ValgusVision.Domain.Tests.Ankle;

public class HeelLiftTests
{
    private static readonly AnkleLungeSettings Settings = AnkleLungeSettings.Default; // 10 % of foot, 3 frames

    [Fact]
    public void Heel_and_ankle_up_for_three_frames_is_a_lift()
    {
        double?[] heel = [0, 2, 12, 15, 14, 3, 0];
        double?[] ankle = [0, 1, 11, 12, 11, 2, 0];
        Assert.Equal([false, false, true, true, true, false, false], HeelLiftDetector.LiftedFrames(heel, ankle, Settings));
    }

    [Fact]
    public void Heel_point_sliding_up_the_ankle_alone_is_not_a_lift()
    {
        // BlazePose's heel point climbs with a forward-leaning shank while the ankle stays at its height.
        double?[] heel = [0, 10, 20, 23, 21, 10, 0];
        double?[] ankle = [0, 2, 6, 7, 6, 2, 0];
        Assert.DoesNotContain(true, HeelLiftDetector.LiftedFrames(heel, ankle, Settings));
    }

    [Fact]
    public void Two_frames_up_are_jitter()
    {
        double?[] heel = [0, 15, 15, 0, 0];
        double?[] ankle = [0, 15, 15, 0, 0];
        Assert.DoesNotContain(true, HeelLiftDetector.LiftedFrames(heel, ankle, Settings));
    }

    [Fact]
    public void An_unseen_frame_breaks_a_run()
    {
        double?[] heel = [15, 15, null, 15, 15];
        double?[] ankle = [15, 15, 15, 15, 15];
        Assert.DoesNotContain(true, HeelLiftDetector.LiftedFrames(heel, ankle, Settings));
    }

    [Fact]
    public void A_lift_at_the_end_of_the_sequence_counts()
    {
        double?[] heel = [0, 15, 15, 15];
        double?[] ankle = [0, 15, 15, 15];
        Assert.Equal([false, true, true, true], HeelLiftDetector.LiftedFrames(heel, ankle, Settings));
    }
}
