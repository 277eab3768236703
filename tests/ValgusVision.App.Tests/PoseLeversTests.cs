using ValgusVision.Domain.Analysis;
using ValgusVision.Pose;

namespace ValgusVision.App.Tests;

/// <summary>Flip averaging decided by use where the user left it to the tool, and the user's choice kept where not.</summary>
public class PoseLeversTests
{
    [Theory]
    // recorded frontal analyses (and auto, decided before the poses show the exercise): on
    [InlineData(false, Exercise.SingleLegSquat, true)]
    [InlineData(false, Exercise.Auto, true)]
    [InlineData(false, Exercise.DoubleLegSquat, true)]
    [InlineData(false, Exercise.ForwardLunge, true)]
    [InlineData(false, Exercise.HipHitch, true)]
    // the side-view lunge test: off; live: off whatever the exercise
    [InlineData(false, Exercise.AnkleLunge, false)]
    [InlineData(true, Exercise.SingleLegSquat, false)]
    [InlineData(true, Exercise.Auto, false)]
    [InlineData(true, Exercise.AnkleLunge, false)]
    public void The_default_is_on_for_recorded_frontal_analyses_only(bool live, Exercise exercise, bool expected)
    {
        Assert.Null(PoseLevers.Default.FlipAveraging);
        Assert.Equal(expected, PoseLevers.Default.Resolved(live, exercise).FlipAveraging);
        Assert.Equal(expected, new SessionOptions { Settings = AnalysisSettings.Default with { Exercise = exercise } }.ResolvedFor(live).Levers.FlipAveraging);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_users_choice_wins_everywhere(bool chosen)
    {
        var levers = PoseLevers.Default with { FlipAveraging = chosen };
        foreach (var exercise in Enum.GetValues<Exercise>())
        {
            Assert.Equal(chosen, levers.Resolved(live: false, exercise).FlipAveraging);
            Assert.Equal(chosen, levers.Resolved(live: true, exercise).FlipAveraging);
        }
    }

    [Fact]
    public void Unresolved_levers_cannot_build_an_estimator()
    {
        Assert.Throws<InvalidOperationException>(() => PoseLevers.Default.ApplyTo(new BlazePoseOptions()));
        Assert.True(PoseLevers.Default.Resolved(live: false, Exercise.Auto).ApplyTo(new BlazePoseOptions()).FlipAveraging);
        Assert.False(PoseLevers.Default.Resolved(live: true, Exercise.Auto).ApplyTo(new BlazePoseOptions()).FlipAveraging);
    }

    [Fact]
    public void Reports_name_what_ran()
    {
        static string Flip(PoseLevers l) => l.Describe(stillImage: false).Single(d => d.Name == "flip averaging").Value;
        Assert.Equal("on (plain and mirrored ROI averaged)", Flip(PoseLevers.Default.Resolved(false, Exercise.SingleLegSquat)));
        Assert.Equal("off", Flip(PoseLevers.Default.Resolved(true, Exercise.SingleLegSquat)));
        Assert.Equal("defaults", PoseLevers.Default.Resolved(false, Exercise.SingleLegSquat).Label);
        Assert.Equal("no flip", PoseLevers.Default.Resolved(false, Exercise.AnkleLunge).Label);
    }
}
