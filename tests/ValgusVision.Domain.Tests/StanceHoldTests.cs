using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

public class StanceHoldTests
{
    [Fact]
    public void The_first_vote_sets_the_stance_and_frames_without_a_vote_keep_it()
    {
        var hold = new StanceHold();
        Assert.Null(hold.Update(0.0, hasPose: true, vote: null));
        Assert.Equal(Side.Left, hold.Update(0.1, true, Side.Left));
        for (double t = 0.2; t < 3; t += 0.1)
        {
            Assert.Equal(Side.Left, hold.Update(t, true, null));
        }
    }

    [Fact]
    public void The_other_leg_takes_over_only_after_an_uninterrupted_run_of_votes()
    {
        var hold = new StanceHold();
        hold.Update(0.0, true, Side.Left);

        // A noisy frame or two for the right leg, then the left again: no switch.
        Assert.Equal(Side.Left, hold.Update(0.1, true, Side.Right));
        Assert.Equal(Side.Left, hold.Update(0.2, true, Side.Right));
        Assert.Equal(Side.Left, hold.Update(0.3, true, Side.Left));
        Assert.Equal(Side.Left, hold.Update(0.5, true, Side.Right));

        // The right foot down and the left lifted, held: the right leg takes over after SwitchSeconds.
        Assert.Equal(Side.Left, hold.Update(0.5 + StanceHold.SwitchSeconds - 0.05, true, Side.Right));
        Assert.Equal(Side.Right, hold.Update(0.5 + StanceHold.SwitchSeconds, true, Side.Right));
    }

    [Fact]
    public void The_stance_is_let_go_only_after_the_person_is_gone_a_while()
    {
        var hold = new StanceHold();
        hold.Update(0.0, true, Side.Right);
        Assert.Equal(Side.Right, hold.Update(0.5, hasPose: false, vote: null));
        Assert.Equal(Side.Right, hold.Update(0.5 + StanceHold.ReleaseSeconds - 0.05, false, null));
        Assert.Null(hold.Update(0.5 + StanceHold.ReleaseSeconds, false, null));
        Assert.Equal(Side.Left, hold.Update(2.0, true, Side.Left));
    }
}
