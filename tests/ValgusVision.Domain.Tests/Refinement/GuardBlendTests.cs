using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using static ValgusVision.Domain.Tests.Refinement.SyntheticMask;

namespace ValgusVision.Domain.Tests.Refinement;

public class GuardBlendTests
{
    [Theory]
    [InlineData(0.198, 1.0)] // threshold · (1 − 0.1): the whole way
    [InlineData(0.209, 0.75)]
    [InlineData(0.22, 0.5)] // the threshold itself: half way
    [InlineData(0.231, 0.25)]
    [InlineData(0.242, 0.0)] // threshold · (1 + 0.1): the model's point
    [InlineData(0.5, 0.0)]
    public void At_most_blends_linearly_over_the_margin(double value, double weight) =>
        Assert.Equal(weight, GuardBlend.AtMost(value, 0.22, 0.1), 9);

    [Theory]
    [InlineData(0.063, 0.0)]
    [InlineData(0.07, 0.5)]
    [InlineData(0.0735, 0.75)]
    [InlineData(0.077, 1.0)]
    public void At_least_is_the_mirror_of_at_most(double value, double weight) =>
        Assert.Equal(weight, GuardBlend.AtLeast(value, 0.07, 0.1), 9);

    [Fact]
    public void Zero_margin_is_the_hard_guard_and_nan_always_fails()
    {
        Assert.Equal(1, GuardBlend.AtMost(0.22, 0.22, 0));
        Assert.Equal(0, GuardBlend.AtMost(0.2200001, 0.22, 0));
        Assert.Equal(1, GuardBlend.AtLeast(0.07, 0.07, 0));
        Assert.Equal(0, GuardBlend.AtMost(double.NaN, 0.22, 0.1));
        Assert.Equal(0, GuardBlend.AtLeast(double.NaN, 0.07, 0.1));
    }

    [Fact]
    public void The_smallest_weight_names_the_guard_and_a_later_equal_one_does_not()
    {
        var blend = GuardBlend.Full;
        blend.Limit(0.4, RefinementIssue.Asymmetric);
        blend.Limit(0.7, RefinementIssue.Posture);
        blend.Limit(0.4, RefinementIssue.UnevenEdges);

        Assert.Equal(0.4, blend.Weight);
        Assert.Equal(RefinementIssue.Asymmetric, blend.Issue);
    }

    // Leg length 200 (SyntheticMask.Body). Knees `kneeWidth` px wide down to y 170, shanks 20.4 px: the widest
    // plausible knee is 0.22 · 200 = 44 px, blended over 44 · (1 ± 0.1) = 39.6 … 48.4 px.
    private static PersonMask Legs(float kneeWidth, float leftCentre = 115.5f, float rightCentre = 40.5f) => Draw((x, y) =>
    {
        float half = y < 170 ? kneeWidth / 2 : 10.2f;
        return Math.Max(Band(x, leftCentre - half, leftCentre + half), Band(x, rightCentre - half, rightCentre + half));
    });

    [Fact]
    public void A_knee_three_quarters_into_the_width_band_moves_a_quarter_of_the_way_and_takes_its_ankle_along()
    {
        // 46.2 px: weight (48.4 − 46.2) / 8.8 = 0.25 on both knees (same width, side ratio 1); each leg is refined
        // whole, so the ankles move by the same quarter. Model 3.5 px (left) and 2.5 px (right) off the middles.
        var body = Body(112, 43);

        var result = new JointCentreRefiner().Refine(body, Legs(46.2f));

        Assert.False(result.Flagged);
        Assert.Equal(RefinedJoints.LeftKnee | RefinedJoints.RightKnee | RefinedJoints.LeftAnkle | RefinedJoints.RightAnkle, result.Refined);
        Assert.Equal(112 + (0.25f * 3.5f), body[(int)BodyLandmark.LeftKnee].X, 0.01f);
        Assert.Equal(43 - (0.25f * 2.5f), body[(int)BodyLandmark.RightKnee].X, 0.01f);
        Assert.Equal(112 + (0.25f * 3.5f), body[(int)BodyLandmark.LeftAnkle].X, 0.01f);
        Assert.Equal(43 - (0.25f * 2.5f), body[(int)BodyLandmark.RightAnkle].X, 0.01f);
        Assert.Equal(120f, body[(int)BodyLandmark.LeftKnee].Y, 0.001f);
    }

    [Fact]
    public void Past_the_band_the_model_point_is_kept_and_flagged_as_before()
    {
        var body = Body(112, 43);

        var result = new JointCentreRefiner().Refine(body, Legs(49f));

        Assert.Equal(RefinementIssue.ImplausibleWidth, result.Issue);
        Assert.Equal(RefinedJoints.None, result.Refined);
        Assert.Equal(112f, body[(int)BodyLandmark.LeftKnee].X);
    }

    [Fact]
    public void A_hair_across_the_threshold_moves_the_knee_a_hair_where_the_hard_guard_jumped_the_whole_way()
    {
        static float Knee(float width, double margin)
        {
            var body = Body(112, 43);
            new JointCentreRefiner(JointRefinementSettings.Default with { GuardMargin = margin }).Refine(body, Legs(width));
            return body[(int)BodyLandmark.LeftKnee].X;
        }

        Assert.True(Knee(43.9f, 0) - Knee(44.1f, 0) > 3.4f, "hard guards: refined at 43.9 px, the model's point at 44.1 px");
        Assert.Equal(Knee(43.9f, 0.1), Knee(44.1f, 0.1), 0.1f);
        Assert.Equal(112 + (0.5f * 3.5f), Knee(44f, 0.1), 0.02f);
    }

    [Fact]
    public void An_exactly_mirrored_frame_with_guards_in_their_bands_gives_exactly_mirrored_points()
    {
        // Several guards part-way at once: 42 px knees (width weight (48.4 − 42) / 8.8 = 0.73); the left knee's model
        // point 10.5 px off the middle of its run, the off-centre guard's threshold 0.25 · 42 (weight ½); the left arm
        // hanging at x 8, 10.2 px from the right knee's run, the touch threshold 10 ± 1 px (weight 0.6).
        var body = Body(114, 43);
        Set(body, BodyLandmark.LeftKnee, 105, 120);
        Set(body, BodyLandmark.LeftShoulder, 8, 60);
        Set(body, BodyLandmark.LeftElbow, 8, 100);
        Set(body, BodyLandmark.LeftWrist, 8, 120);
        Set(body, BodyLandmark.LeftIndex, 8, 125);
        var mask = Legs(42f);
        var mirrored = Mirror(body);
        var mirroredMask = Draw((x, y) =>
        {
            float half = y < 170 ? 21f : 10.2f;
            return Math.Max(Band(256 - x, 115.5f - half, 115.5f + half), Band(256 - x, 40.5f - half, 40.5f + half));
        });

        var ours = new JointCentreRefiner().Refine(body, mask);
        var theirs = new JointCentreRefiner().Refine(mirrored, mirroredMask);

        Assert.Equal(ours.Refined, Swap(theirs.Refined));
        Assert.Equal(ours.Kept, Swap(theirs.Kept));
        var expected = Mirror(body);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].X, mirrored[i].X, 0.001f);
            Assert.Equal(expected[i].Y, mirrored[i].Y, 0.001f);
        }

        // And the guards did act part-way: each knee moved, but not the whole way to its run's middle.
        Assert.Equal(RefinedJoints.LeftKnee | RefinedJoints.RightKnee | RefinedJoints.LeftAnkle | RefinedJoints.RightAnkle, ours.Refined);
        Assert.InRange(body[(int)BodyLandmark.LeftKnee].X - 105, 1f, 9.5f);
        Assert.InRange(43 - body[(int)BodyLandmark.RightKnee].X, 0.2f, 2.3f);
    }

    /// <summary>The frame mirrored about x = 128 with the person's left and right swapped.</summary>
    private static Landmark[] Mirror(Landmark[] body)
    {
        var mirrored = new Landmark[body.Length];
        for (int i = 0; i < body.Length; i++)
        {
            mirrored[(int)Partner((BodyLandmark)i)] = body[i] with { X = 256 - body[i].X };
        }

        return mirrored;
    }

    private static BodyLandmark Partner(BodyLandmark landmark)
    {
        string name = landmark.ToString();
        string partner = name.StartsWith("Left", StringComparison.Ordinal) ? "Right" + name[4..]
            : name.StartsWith("Right", StringComparison.Ordinal) ? "Left" + name[5..]
            : name.EndsWith("Left", StringComparison.Ordinal) ? name[..^4] + "Right"
            : name.EndsWith("Right", StringComparison.Ordinal) ? name[..^5] + "Left" : name;
        return Enum.Parse<BodyLandmark>(partner);
    }

    private static RefinedJoints Swap(RefinedJoints joints) =>
        ((joints & RefinedJoints.LeftKnee) != 0 ? RefinedJoints.RightKnee : RefinedJoints.None)
        | ((joints & RefinedJoints.RightKnee) != 0 ? RefinedJoints.LeftKnee : RefinedJoints.None)
        | ((joints & RefinedJoints.LeftAnkle) != 0 ? RefinedJoints.RightAnkle : RefinedJoints.None)
        | ((joints & RefinedJoints.RightAnkle) != 0 ? RefinedJoints.LeftAnkle : RefinedJoints.None);
}
