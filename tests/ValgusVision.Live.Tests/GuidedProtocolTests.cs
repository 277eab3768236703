using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Live.Protocol;

namespace ValgusVision.Live.Tests;

public sealed class GuidedProtocolTests
{
    [Fact]
    public void Standard_plan_is_hitch_five_held_reps_hinge_a_minute_and_two_squat_sets_per_side()
    {
        var plan = ProtocolPlan.Standard(Side.Left);
        Assert.Equal(8, plan.Length);
        Assert.All(plan.Take(2), s => Assert.Equal((Exercise.HipHitch, (int?)5, (double?)5.0, (double?)null), (s.Exercise, s.TargetReps, s.HoldSeconds, s.DurationSeconds)));
        Assert.All(plan.Skip(2), s => Assert.Equal(60.0, s.DurationSeconds));
        Assert.Equal(2, plan.Count(s => s.Exercise == Exercise.Hinge));
        Assert.Equal(2, plan.Count(s => s.Exercise == Exercise.SingleLegSquat && s.Side == Side.Left));
        Assert.Equal(2, plan.Count(s => s.Exercise == Exercise.SingleLegSquat && s.Side == Side.Right));
        Assert.Equal([Side.Left, Side.Right, Side.Left, Side.Right, Side.Left, Side.Right, Side.Left, Side.Right], plan.Select(s => s.Side));
    }

    [Fact]
    public void Timed_set_counts_down_and_ends_with_a_summary_after_its_minute()
    {
        var protocol = new GuidedProtocol([new ProtocolStep(Exercise.SingleLegSquat, Side.Left, 1, 2, 60, null, null)]);
        Assert.Equal(ProtocolPhase.Ready, protocol.Phase);
        protocol.Advance(10);
        protocol.Update(40, null);
        Assert.Equal(30.0, protocol.TimerSeconds, 9);
        protocol.OnRep(RepWith(8, 11));
        protocol.OnRep(RepWith(12, 15));
        protocol.OnValgusEvent();
        protocol.Update(69.9, null);
        Assert.Equal(ProtocolPhase.Active, protocol.Phase);
        protocol.Update(70, null);

        Assert.Equal(ProtocolPhase.Summary, protocol.Phase);
        var summary = Assert.Single(protocol.Summaries);
        Assert.Equal(60.0, summary.DurationSeconds, 9);
        Assert.Equal(2, summary.Reps);
        Assert.Equal(1, summary.ValgusEvents);
        Assert.Equal(10.0, summary.MeanFppaAtBottomDeg!.Value, 9);
        Assert.Equal(15.0, summary.PeakFppaDeg!.Value, 9);
        Assert.Contains("2 reps in 60 s, 1 valgus event, FPPA at bottom 10.0° (peak 15.0°)", protocol.Prompt);
        protocol.Advance(71);
        Assert.Equal(ProtocolPhase.Done, protocol.Phase);
    }

    [Fact]
    public void Hitch_rep_counts_only_once_the_top_is_held_for_five_seconds()
    {
        var protocol = new GuidedProtocol([new ProtocolStep(Exercise.HipHitch, Side.Left, 1, 1, null, 2, 5)]);
        protocol.Advance(0);

        // Lifted (pelvic drop −5°: free side up) for 4 s only: no rep.
        Feed(protocol, 0, 1, 0);
        Feed(protocol, 1, 5, -5);
        Assert.True(protocol.Holding);
        // Frames every 0.1 s from 1.0 to 4.9 s: the last one is 3.9 s into the hold.
        Assert.Equal(3.9, protocol.TimerSeconds, 9);
        Feed(protocol, 5, 6, 0);
        Assert.Equal(0, protocol.RepsInSet);

        // Two full holds of 6 s: two reps, and the set ends when the second is lowered.
        Feed(protocol, 6, 12, -5);
        Assert.Equal(1, protocol.RepsInSet);
        Assert.Contains("Lower slowly", protocol.Prompt);
        Feed(protocol, 12, 13, 0);
        Feed(protocol, 13, 19, -5);
        Assert.Equal(ProtocolPhase.Active, protocol.Phase);
        Feed(protocol, 19, 20, 0);
        Assert.Equal(ProtocolPhase.Summary, protocol.Phase);
        Assert.Equal(2, protocol.Summaries[0].Reps);
    }

    [Fact]
    public void Hitch_below_the_start_angle_never_starts_the_hold_timer()
    {
        var protocol = new GuidedProtocol([new ProtocolStep(Exercise.HipHitch, Side.Right, 1, 1, null, 5, 5)]);
        protocol.Advance(0);
        Feed(protocol, 0, 10, -2.5);
        Assert.False(protocol.Holding);
        Assert.Equal(0, protocol.RepsInSet);
    }

    [Fact]
    public void Next_set_on_the_other_leg_prompts_a_side_switch()
    {
        var protocol = new GuidedProtocol(ProtocolPlan.Standard(Side.Right).Skip(2).Take(2).ToImmutableArray());
        Assert.False(protocol.SwitchSide);
        protocol.Advance(0);
        protocol.Update(60, null);
        Assert.Equal(ProtocolPhase.Summary, protocol.Phase);
        protocol.Advance(61);
        Assert.Equal(ProtocolPhase.Ready, protocol.Phase);
        Assert.True(protocol.SwitchSide);
        Assert.StartsWith("Switch to your left leg. Single-leg hinge, left leg, set 1 of 1: 60 s", protocol.Prompt);
    }

    [Fact]
    public void Space_during_a_set_ends_it_early_with_its_real_duration()
    {
        var protocol = new GuidedProtocol([new ProtocolStep(Exercise.Hinge, Side.Left, 1, 1, 60, null, null)]);
        protocol.Advance(5);
        protocol.Update(20, null);
        protocol.Advance(25);
        Assert.Equal(ProtocolPhase.Summary, protocol.Phase);
        Assert.Equal(20.0, protocol.Summaries[0].DurationSeconds, 9);
    }

    [Fact]
    public void Reps_outside_a_running_set_are_not_counted()
    {
        var protocol = new GuidedProtocol([new ProtocolStep(Exercise.SingleLegSquat, Side.Left, 1, 1, 60, null, null)]);
        protocol.OnRep(RepWith(5, 6));
        protocol.OnValgusEvent();
        protocol.Advance(0);
        protocol.Advance(1);
        Assert.Equal(0, protocol.Summaries[0].Reps);
        Assert.Equal(0, protocol.Summaries[0].ValgusEvents);
    }

    private static void Feed(GuidedProtocol protocol, double from, double to, double pelvicDropDeg)
    {
        for (double t = from; t < to - 1e-9; t += 0.1)
        {
            protocol.Update(t, pelvicDropDeg);
        }
    }

    private static Rep RepWith(double fppaAtBottom, double peakFppa) => new(
        0, Exercise.SingleLegSquat, Side.Left, 0, 1, 2, 0, 30, 60, 20, fppaAtBottom, peakFppa, null, null, null, null, null, null, null, null, null,
        [], default!, null, null, "test rep");
}
