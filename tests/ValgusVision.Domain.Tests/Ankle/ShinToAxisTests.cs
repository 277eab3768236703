using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;

namespace ValgusVision.Domain.Tests.Ankle;

public class ShinToAxisTests
{
    [Fact]
    public void Offset_is_the_median_of_centreline_minus_shin_once_enough_pairs_were_seen()
    {
        var shin = new ShinToAxis(64);
        for (int i = 0; i < ShinToAxis.MinPairs - 1; i++)
        {
            shin.Add(new ShankAxis(30 + (i % 3), 33));
        }

        Assert.Null(shin.OffsetDeg);
        Assert.Null(shin.AxisDeg(new ShankAxis(null, 40)));

        shin.Add(new ShankAxis(40, 33)); // an outlier: +7 among −3, −2, −1
        shin.Add(new ShankAxis(null, 33)); // half a pair teaches nothing
        shin.Add(new ShankAxis(30, null));

        // Pairs: −3, −2, −1, −3, −2, −1, −3, −2, −1, +7 → sorted middle two −2, −2.
        Assert.Equal(-2, shin.OffsetDeg!.Value, 12);
        Assert.Equal(38, shin.AxisDeg(new ShankAxis(null, 40))!.Value, 12);
        Assert.Equal(35, shin.AxisDeg(new ShankAxis(35, 40))!.Value, 12); // the centreline wins where it was read
        Assert.Null(shin.AxisDeg(default));
    }

    [Fact]
    public void Keeps_only_the_most_recent_pairs()
    {
        var shin = new ShinToAxis(ShinToAxis.MinPairs);
        for (int i = 0; i < ShinToAxis.MinPairs; i++)
        {
            shin.Add(new ShankAxis(10, 15)); // −5
        }

        Assert.Equal(-5, shin.OffsetDeg!.Value, 12);
        for (int i = 0; i < ShinToAxis.MinPairs; i++)
        {
            shin.Add(new ShankAxis(10, 12)); // −2 replaces every −5
        }

        Assert.Equal(-2, shin.OffsetDeg!.Value, 12);
    }
}
