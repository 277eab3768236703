using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

/// <summary>The rep's view check ignores a yaw spike of one or two frames but not a real turn.</summary>
public class SteadyOffAxisTests
{
    private static readonly IReadOnlyList<FrameMetrics> Template = SessionAnalyzer.Analyze(
        new SyntheticSession().Build(1, SyntheticSession.Squat(_ => Side.Right, 100, 20)),
        AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat }).Frames;

    private static FrameMetrics[] WithYaws(params double?[] yaws) =>
        [.. yaws.Select((y, i) => Template[i] with { Quality = Template[i].Quality with { BodyYawDeg = y } })];

    [Fact]
    public void A_two_frame_flip_among_frontal_frames_reads_as_the_neighbours()
    {
        // The body-B clip's standing frames 8–12: −0.9, −1.7, −80.3, −17.2, −4.9 → off-axis 0.9, 1.7, 80.3, 17.2, 4.9.
        var m = WithYaws(-0.9, -1.7, -80.3, -17.2, -4.9, -1.8, -0.5);
        Assert.Equal(4.9, SteadyOffAxis.At(m, 2)!.Value, 6);  // sorted 0.9, 1.7, 4.9, 17.2, 80.3
        Assert.Equal(4.9, SteadyOffAxis.At(m, 3)!.Value, 6);  // 1.7, 80.3, 17.2, 4.9, 1.8 → 1.7, 1.8, 4.9, 17.2, 80.3
        Assert.All(Enumerable.Range(0, m.Length), i => Assert.True(SteadyOffAxis.At(m, i) < 15));
    }

    [Fact]
    public void A_turn_held_for_three_frames_or_more_is_seen()
    {
        var m = WithYaws(0, 0, 30, 31, 32, 0, 0);
        Assert.Equal(30, SteadyOffAxis.At(m, 3)!.Value, 6);   // 0, 30, 31, 32, 0 → median 30
        Assert.Equal(0, SteadyOffAxis.At(m, 0)!.Value, 6);    // edge: 0, 0, 30
    }

    [Fact]
    public void A_back_view_counts_as_frontal_and_missing_yaws_are_left_out()
    {
        var m = WithYaws(178, null, -176, null, null);
        Assert.Equal(3, SteadyOffAxis.At(m, 1)!.Value, 6);    // off-axis 2 and 4: even count, mean of the middle two
        Assert.Null(SteadyOffAxis.At(WithYaws(null, null, null), 1));
    }
}
