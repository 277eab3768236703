using ValgusVision.Tests.Support;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Refinement;
using ValgusVision.Domain.Truth;

namespace ValgusVision.App.Tests;

/// <summary>The accuracy the reports state: the evaluated bound for a frontal view with the evaluated set-up, else unknown.</summary>
public class ExpectedFppaAccuracyTests
{
    private static readonly SessionAnalysis Analysis = SessionAnalyzer.Analyze(
        TruthPoses.From(SampleTruthReader.Read(Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.truth.csv"))),
        AnalysisSettings.Default);

    private static SessionAnalysis WithYaw(params double?[] yawPerRep) =>
        Analysis with { Reps = [.. Analysis.Reps.Select((r, i) => r with { Quality = r.Quality with { MaxOffAxisDeg = yawPerRep[i] } })] };

    [Fact]
    public void A_frontal_session_with_the_defaults_gets_the_evaluated_bound() =>
        Assert.Equal(
            FormattableString.Invariant($"± {ExpectedFppaAccuracy.FrontalBoundDeg:0.#}°, frontal view"),
            ExpectedFppaAccuracy.For(WithYaw(3, 8, 15), new AnalyzeOptions()));

    [Fact]
    public void Without_the_refinement_the_wider_unrefined_bound_is_stated() =>
        Assert.Equal(
            FormattableString.Invariant($"± {ExpectedFppaAccuracy.FrontalBoundUnrefinedDeg:0.#}°, frontal view"),
            ExpectedFppaAccuracy.For(WithYaw(3, 8, 15), new AnalyzeOptions { Refine = JointRefinementMode.None }));

    [Fact]
    public void One_rep_filmed_from_the_side_makes_it_unknown() =>
        Assert.StartsWith("accuracy unknown: not a frontal view", ExpectedFppaAccuracy.For(WithYaw(3, 22, 5), new AnalyzeOptions()), StringComparison.Ordinal);

    [Fact]
    public void An_unmeasured_view_angle_makes_it_unknown() =>
        Assert.StartsWith("accuracy unknown: view angle not measured", ExpectedFppaAccuracy.For(WithYaw(3, null, 5), new AnalyzeOptions()), StringComparison.Ordinal);

    [Fact]
    public void Another_model_or_lever_is_not_covered()
    {
        var frontal = WithYaw(3, 4, 5);
        Assert.StartsWith("accuracy unknown: set-up not evaluated", ExpectedFppaAccuracy.For(frontal, new AnalyzeOptions { Model = PoseModelChoice.Parse("heavy") }), StringComparison.Ordinal);
        Assert.StartsWith("accuracy unknown: set-up not evaluated", ExpectedFppaAccuracy.For(frontal, new AnalyzeOptions { Levers = new PoseLevers { RoiScale = 1.4f } }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Flip_averaging_on_or_off_is_within_the_evaluated_bound(bool flip) =>
        // Both were measured on every clip the bound rests on (docs/accuracy.md, "Flip averaging as the recorded default?").
        Assert.Equal(
            FormattableString.Invariant($"± {ExpectedFppaAccuracy.FrontalBoundDeg:0.#}°, frontal view"),
            ExpectedFppaAccuracy.For(WithYaw(3, 4, 5), new AnalyzeOptions { Levers = PoseLevers.Default with { FlipAveraging = flip } }));

    [Fact]
    public void The_committed_sample_lies_in_the_shown_leg_length_range()
    {
        var stance = Analysis.Reps[0].Side!.Value;
        Assert.True(Analysis.Reference.LegPx(stance) >= ExpectedFppaAccuracy.MinShownLegPx, $"sample leg {Analysis.Reference.LegPx(stance)} px");
    }

    [Fact]
    public void A_leg_shorter_than_any_evaluated_makes_it_unknown()
    {
        var frontal = WithYaw(3, 4, 5);
        // The stance leg (the reps' side) below the shortest evaluated one; the other leg long enough for the picture's scale.
        var stance = frontal.Reps[0].Side!.Value;
        var reference = stance == Side.Left
            ? frontal.Reference with { LeftLegPx = 55, RightLegPx = 120 }
            : frontal.Reference with { LeftLegPx = 120, RightLegPx = 55 };
        Assert.Equal("accuracy unknown: leg only 55 px (shown from 60 px)", ExpectedFppaAccuracy.For(frontal with { Reference = reference }, new AnalyzeOptions()));
    }

    [Theory]
    [InlineData(HipCentreMode.Estimated)]
    [InlineData(HipCentreMode.Anatomical)]
    [InlineData(HipCentreMode.Silhouette)]
    public void A_hip_point_other_than_the_models_is_not_the_evaluated_set_up(HipCentreMode mode)
    {
        Assert.StartsWith("accuracy unknown: set-up not evaluated", ExpectedFppaAccuracy.For(WithYaw(3, 4, 5), new AnalyzeOptions { HipCentre = mode }), StringComparison.Ordinal);
        Assert.StartsWith("± ", ExpectedFppaAccuracy.For(WithYaw(3, 4, 5), new AnalyzeOptions { HipCentre = HipCentreMode.Model }), StringComparison.Ordinal);
    }

    [Fact]
    public void No_reps_no_statement() =>
        Assert.Null(ExpectedFppaAccuracy.For(Analysis with { Reps = [] }, new AnalyzeOptions()));
}
