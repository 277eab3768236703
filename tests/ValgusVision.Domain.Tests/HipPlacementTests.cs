using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

public class HipPlacementTests
{
    [Fact]
    public void Every_reason_has_a_name_that_reads_back_and_words_for_a_report()
    {
        foreach (var issue in Enum.GetValues<HipPointIssue>())
        {
            Assert.Equal(issue, HipPlacement.ParseIssue(HipPlacement.Name(issue)));
            Assert.Equal(issue == HipPointIssue.None, HipPlacement.Describe(issue).Length == 0);
        }

        Assert.Null(HipPlacement.ParseIssue("too-tall"));
        Assert.Equal("too-wide", HipPlacement.Name(HipPointIssue.TooWide));
    }

    [Fact]
    public void Kept_means_an_estimator_ran_and_left_the_models_hips()
    {
        Assert.False(default(HipPlacement).Kept);
        Assert.False(default(HipPlacement).Asked);
        Assert.False(HipPlacement.Placed.Kept);
        Assert.True(HipPlacement.KeptBecause(HipPointIssue.TooWide).Kept);
    }
}
