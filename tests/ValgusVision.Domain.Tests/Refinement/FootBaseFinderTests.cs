using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using static ValgusVision.Domain.Tests.Refinement.SyntheticMask;

namespace ValgusVision.Domain.Tests.Refinement;

public class FootBaseFinderTests
{
    // The left ankle at (112, 220), its heel at y 230 and toe at y 240 (the sole): the rows read are y 228–236. The
    // ankle's silhouette spans x 102–122 above y 225, the shoe x 100.5–130.5 below it: middle 115.5, width 30.
    private static float Foot(float x, float y, float shoeLeft, float shoeRight) =>
        y < 225 ? Band(x, 102, 122) : y < 245 ? Band(x, shoeLeft, shoeRight) : -1;

    [Fact]
    public void Base_is_the_middle_and_width_of_the_shoe_rows_below_the_ankle()
    {
        var body = Body(112, 43);

        var foot = FootBaseFinder.Find(body, new MaskSampler(Draw((x, y) => Foot(x, y, 100.5f, 130.5f))), Side.Left);

        Assert.NotNull(foot);
        Assert.Equal(115.5, foot.Value.MiddleX, 0.05);
        Assert.Equal(30, foot.Value.WidthPx, 0.05);
    }

    [Fact]
    public void Shoe_merged_with_more_than_three_ankle_widths_is_not_a_foot()
    {
        // The other foot touching: one run 70 px wide, over three times the 20 px ankle.
        var foot = FootBaseFinder.Find(Body(112, 43), new MaskSampler(Draw((x, y) => Foot(x, y, 70, 140))), Side.Left);

        Assert.Null(foot);
    }

    [Fact]
    public void Refiner_reads_the_base_only_under_an_ankle_it_centred()
    {
        var mask = Draw((x, y) => Foot(x, y, 100.5f, 130.5f));
        var body = Body(112, 43);
        var sampler = new MaskSampler(mask);

        var centred = JointCentreRefiner.FootBases(body, sampler, new JointRefinement(RefinedJoints.LeftAnkle, RefinedJoints.None, RefinementIssue.None));
        var kept = JointCentreRefiner.FootBases(body, sampler, new JointRefinement(RefinedJoints.None, RefinedJoints.LeftAnkle, RefinementIssue.LimbTouching));

        Assert.NotNull(centred.Left);
        Assert.Null(centred.Right);
        Assert.Equal(default, kept);
    }
}
