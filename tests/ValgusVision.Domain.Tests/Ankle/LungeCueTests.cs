using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests.Ankle;

/// <summary>
/// <c>--exercise auto</c> and the lunge test: a side view with a split stance and a forward-leaning front shank is
/// the lunge test; a frontal view, feet together, a foot held off the floor or a shank that never leans is not.
/// </summary>
public sealed class LungeCueTests
{
    private static readonly AnalysisSettings Auto = AnalysisSettings.Default;

    /// <summary>Standing 1 s at a 10° shank, then three attempts to 40° (SyntheticLunge.Session).</summary>
    private static List<PoseFrame> Lunges(SyntheticLunge body) => SyntheticLunge.Session(body, [40, 40, 40]);

    [Fact]
    public void Side_view_split_stance_and_forward_shank_read_as_such()
    {
        var cue = LungeCue.Measure(Lunges(new SyntheticLunge()), Auto.Lunge);

        // Hips and shoulders exactly side-on; rear ankle 250 px behind and 10 px above the front one on a 200 px
        // shank (1.25 and 0.05 shank lengths: split in every frame); the shank from its 10° standing lean to 40°.
        // Of the 273 frames 69 (25 %) stand at 10° (30 before, 13 after each attempt) and 11 per attempt (12 %) lean
        // 39.9–40°, so the 10th percentile is 10° and the 95th 40°.
        Assert.Equal(90, cue.SideViewDeg!.Value, 1e-6);
        Assert.Equal(1.0, cue.SplitStanceFraction);
        Assert.InRange(cue.FrontShankRangeDeg!.Value, 29, 30.0001);
        Assert.True(cue.Fits(AnkleLungeSettings.Default));
    }

    [Theory]
    [InlineData(Facing.Right, Side.Left)]
    [InlineData(Facing.Left, Side.Right)]
    public void Auto_picks_the_lunge_test_from_either_side_and_says_why(Facing facing, Side front)
    {
        var analysis = SessionAnalyzer.Analyze(Lunges(new SyntheticLunge { Facing = facing, Front = front }), Auto);

        Assert.Equal(Exercise.AnkleLunge, analysis.Exercise);
        Assert.StartsWith(SessionAnalyzer.DetectedPrefix + "filmed from the side", analysis.ExerciseReason, StringComparison.Ordinal);
        Assert.Contains("body turned 90° from a frontal view, feet split in 100% of the frames", analysis.ExerciseReason, StringComparison.Ordinal);

        // Then measured like a lunge test asked for by name.
        var side = analysis.Ankle!.For(front)!;
        Assert.Equal(3, side.Attempts.Length);
        Assert.Equal(40, side.BestInclinationDeg!.Value, 0.5);
    }

    [Fact]
    public void Frontal_view_is_not_the_lunge_test()
    {
        // The same image motion, but hips and shoulders square to the camera (world yaw 0: 0° from frontal).
        var frames = Lunges(new SyntheticLunge { YawDeg = 0 });
        var cue = LungeCue.Measure(frames, Auto.Lunge);
        Assert.Equal(0, cue.SideViewDeg!.Value, 1e-6);
        Assert.False(cue.Fits(AnkleLungeSettings.Default));
        Assert.NotEqual(Exercise.AnkleLunge, SessionAnalyzer.Analyze(frames, Auto).Exercise);
    }

    [Fact]
    public void Oblique_view_below_the_side_view_threshold_is_not_the_lunge_test()
    {
        // 55°: side-on enough to see a lunge, not enough for its angle (the test needs 60°).
        var cue = LungeCue.Measure(Lunges(new SyntheticLunge { YawDeg = 55 }), Auto.Lunge);
        Assert.Equal(55, cue.SideViewDeg!.Value, 1e-6);
        Assert.False(cue.Fits(AnkleLungeSettings.Default));
        Assert.True(cue.Fits(AnkleLungeSettings.Default with { MinSideViewDeg = 50 }));
    }

    [Fact]
    public void Feet_side_by_side_are_not_a_split_stance()
    {
        // Rear ankle 20 px behind on a 200 px shank: 0.1 shank lengths, under the 0.4 that counts as split.
        var cue = LungeCue.Measure(Lunges(new SyntheticLunge { RearBehindPx = 20 }), Auto.Lunge);
        Assert.Equal(0.0, cue.SplitStanceFraction);
        Assert.False(cue.Fits(AnkleLungeSettings.Default));
    }

    [Fact]
    public void A_rear_foot_held_off_the_floor_is_a_single_leg_stance_not_a_split_one()
    {
        // 150 px more above the front ankle: (10 + 150) / 200 = 0.8 shank lengths, above the 0.5 a foot on its toes reaches.
        var frames = Lunges(new SyntheticLunge { RearLiftPx = 150 });
        var cue = LungeCue.Measure(frames, Auto.Lunge);
        Assert.Equal(0.0, cue.SplitStanceFraction);
        Assert.NotEqual(Exercise.AnkleLunge, SessionAnalyzer.Analyze(frames, Auto).Exercise);
    }

    [Fact]
    public void A_split_stance_without_a_forward_lean_is_not_the_lunge_test()
    {
        // Attempts to 18°: the shank leans 8° beyond standing, short of the 10° one attempt needs.
        var cue = LungeCue.Measure(SyntheticLunge.Session(new SyntheticLunge(), [18, 18]), Auto.Lunge);
        Assert.Equal(1.0, cue.SplitStanceFraction);
        Assert.InRange(cue.FrontShankRangeDeg!.Value, 7, 8.0001);
        Assert.False(cue.Fits(AnkleLungeSettings.Default));
    }

    [Fact]
    public void Without_world_landmarks_the_view_is_unknown_and_auto_does_not_guess_a_lunge()
    {
        var frames = Lunges(new SyntheticLunge()).Select(f => f with { WorldLandmarks = [] }).ToList();
        var cue = LungeCue.Measure(frames, Auto.Lunge);
        Assert.Null(cue.SideViewDeg);
        Assert.False(cue.Fits(AnkleLungeSettings.Default));
        Assert.Contains("body turned unknown", cue.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Frontal_single_leg_squats_stay_squats()
    {
        var squats = new SyntheticSession { NoisePx = 1, Seed = 5 }.Build(3, SyntheticSession.Squat(_ => Side.Left, 100, 0));
        Assert.False(LungeCue.Measure(squats, Auto.Lunge).Fits(AnkleLungeSettings.Default));
        Assert.Equal(Exercise.SingleLegSquat, SessionAnalyzer.Analyze(squats, Auto).Exercise);
    }
}
