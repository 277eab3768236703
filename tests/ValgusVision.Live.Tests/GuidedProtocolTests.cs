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

    [Fact]
    public void Every_phase_change_is_one_of_the_four_transitions_and_the_last_summary_ends_in_done()
    {
        Assert.Equal(
            [(ProtocolPhase.Ready, ProtocolPhase.Active), (ProtocolPhase.Active, ProtocolPhase.Summary), (ProtocolPhase.Summary, ProtocolPhase.Ready), (ProtocolPhase.Summary, ProtocolPhase.Done)],
            GuidedProtocol.Transitions);
        var protocol = new GuidedProtocol(ProtocolPlan.Standard(Side.Left).Skip(2).Take(2).ToImmutableArray());
        var seen = new List<(int, ProtocolPhase)> { (protocol.StepIndex, protocol.Phase) };
        for (double t = 0; protocol.Phase != ProtocolPhase.Done; t += 1)
        {
            // Space at every Ready and Summary; the sets end on their own timers.
            if (protocol.Phase is ProtocolPhase.Ready or ProtocolPhase.Summary)
            {
                protocol.Advance(t);
            }
            else
            {
                protocol.Update(t, null);
            }

            if (seen[^1] != (protocol.StepIndex, protocol.Phase))
            {
                seen.Add((protocol.StepIndex, protocol.Phase));
            }
        }

        Assert.Equal(
            [(0, ProtocolPhase.Ready), (0, ProtocolPhase.Active), (0, ProtocolPhase.Summary), (1, ProtocolPhase.Ready), (1, ProtocolPhase.Active), (1, ProtocolPhase.Summary), (2, ProtocolPhase.Done)],
            seen);
        Assert.Equal("Session done", protocol.Prompt);
    }

    [Fact]
    public void Squat_reps_during_the_hip_hitch_are_neither_counted_nor_judged()
    {
        var protocol = new GuidedProtocol([new ProtocolStep(Exercise.HipHitch, Side.Left, 1, 1, null, 1, 5)]);
        protocol.Advance(0);
        Assert.False(protocol.JudgesReps);
        Assert.False(protocol.OnRep(RepWith(14, 16)));
        Feed(protocol, 0, 6, -5);
        Feed(protocol, 6, 7, 0);

        var summary = Assert.Single(protocol.Summaries);
        Assert.Equal(1, summary.Reps); // the held lift, not the squat rep
        Assert.Null(summary.MeanFppaAtBottomDeg);
        Assert.Null(summary.PeakFppaDeg);
        Assert.DoesNotContain("FPPA", protocol.Prompt);
    }

    [Fact]
    public void A_timed_set_judges_its_reps_only_while_it_runs()
    {
        var protocol = new GuidedProtocol([new ProtocolStep(Exercise.SingleLegSquat, Side.Left, 1, 1, 60, null, null)]);
        Assert.False(protocol.JudgesReps);
        protocol.Advance(0);
        Assert.True(protocol.JudgesReps);
        Assert.True(protocol.OnRep(RepWith(5, 6)));
        protocol.Update(60, null);
        Assert.Equal(ProtocolPhase.Summary, protocol.Phase);
        Assert.False(protocol.OnRep(RepWith(5, 6)));
        Assert.Equal(1, protocol.Summaries[0].Reps);
    }

    [Fact]
    public void Without_keys_ready_and_summary_move_on_by_themselves_and_never_ask_for_space()
    {
        var protocol = new GuidedProtocol(ProtocolPlan.Standard(Side.Left).Skip(2).Take(2).ToImmutableArray(), autoAdvanceSeconds: 5);
        protocol.Update(10, null);
        Assert.Equal("Single-leg hinge, left leg, set 1 of 1: 60 s. Starts in 5 s", protocol.Prompt);
        protocol.Update(12.5, null);
        Assert.EndsWith("Starts in 3 s", protocol.Prompt);
        protocol.Update(14.9, null);
        Assert.Equal(ProtocolPhase.Ready, protocol.Phase);

        // Ready → Active after 5 s; the set's own minute; Summary → the next set's Ready after 5 s.
        protocol.Update(15, null);
        Assert.Equal(ProtocolPhase.Active, protocol.Phase);
        protocol.Update(75, null);
        Assert.Equal(ProtocolPhase.Summary, protocol.Phase);
        Assert.EndsWith("Next set in 5 s", protocol.Prompt);
        protocol.Update(80, null);
        Assert.Equal((1, ProtocolPhase.Ready), (protocol.StepIndex, protocol.Phase));
        Assert.StartsWith("Switch to your right leg.", protocol.Prompt);
        protocol.Update(85, null);
        protocol.Update(145, null);
        Assert.EndsWith("Session done in 5 s", protocol.Prompt);
        protocol.Update(150, null);
        Assert.Equal(ProtocolPhase.Done, protocol.Phase);
        Assert.DoesNotContain("space", string.Join(" ", protocol.Summaries.Select(s => s.Describe())), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void With_keys_the_prompts_ask_for_space_and_time_alone_never_moves_on()
    {
        var protocol = new GuidedProtocol([new ProtocolStep(Exercise.Hinge, Side.Left, 1, 1, 60, null, null)]);
        protocol.Update(0, null);
        protocol.Update(1000, null);
        Assert.Equal(ProtocolPhase.Ready, protocol.Phase);
        Assert.EndsWith("Press space to start", protocol.Prompt);
    }

    [Fact]
    public void Without_keys_a_hip_hitch_never_held_ends_at_its_time_limit_saying_none_were_held()
    {
        var step = new ProtocolStep(Exercise.HipHitch, Side.Left, 1, 1, null, 5, 5);
        Assert.Equal(60, step.UnattendedLimitSeconds);
        var protocol = new GuidedProtocol([step], autoAdvanceSeconds: 5);
        protocol.Update(0, null);
        protocol.Update(5, null);
        Assert.Equal(ProtocolPhase.Active, protocol.Phase);
        Feed(protocol, 5, 64.9, 0);
        Assert.Equal(ProtocolPhase.Active, protocol.Phase);
        protocol.Update(65, 0);

        Assert.Equal(ProtocolPhase.Summary, protocol.Phase);
        var summary = Assert.Single(protocol.Summaries);
        Assert.Equal(0, summary.Reps);
        Assert.Contains("0 of 5 holds in 60 s", protocol.Prompt);
    }

    [Fact]
    public void With_keys_a_hip_hitch_never_held_waits_for_the_key()
    {
        var protocol = new GuidedProtocol([new ProtocolStep(Exercise.HipHitch, Side.Left, 1, 1, null, 5, 5)]);
        protocol.Advance(0);
        Feed(protocol, 0, 300, 0);
        Assert.Equal(ProtocolPhase.Active, protocol.Phase);
    }

    [Fact]
    public void Each_step_has_the_live_analysis_count_its_own_exercises_reps()
    {
        var protocol = new GuidedProtocol(ProtocolPlan.Standard(Side.Left).Skip(3).Take(2).ToImmutableArray());
        var analyzer = new LiveSessionAnalyzer(AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat });
        protocol.Steer(analyzer);
        Assert.Equal(Exercise.Hinge, analyzer.Exercise);
        protocol.Advance(0);
        protocol.Update(60, null);
        protocol.Advance(61);
        protocol.Steer(analyzer);
        Assert.Equal(Exercise.SingleLegSquat, protocol.Step.Exercise);
        Assert.Equal(Exercise.SingleLegSquat, analyzer.Exercise);
    }

    [Fact]
    public void The_front_end_words_the_key_and_headless_still_counts_down()
    {
        var steps = ImmutableArray.Create(new ProtocolStep(Exercise.Hinge, Side.Left, 1, 1, 60, null, null));
        var page = new GuidedProtocol(steps) { StartHint = "Press Start set", GoOnHint = "Press Next" };
        Assert.EndsWith(". Press Start set", page.Prompt);
        page.Advance(0);
        page.Advance(1);
        Assert.EndsWith(". Press Next", page.Prompt);

        var headless = new GuidedProtocol(steps, autoAdvanceSeconds: 5) { StartHint = "Press Start set" };
        headless.Update(0, null);
        Assert.EndsWith(". Starts in 5 s", headless.Prompt);
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
