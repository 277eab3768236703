using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Live.Drill;

namespace ValgusVision.Live.Tests;

public sealed class PositionSenseDrillTests
{
    [Fact]
    public void Feedback_stays_hidden_until_two_seconds_into_the_hold()
    {
        var script = new SquatScript().Stand(1).Down(20, 1, 7);
        int bottomFrame = script.Samples.Count;
        script.Hold(3, _ => 7).Up(1).Stand(1);
        var drill = new PositionSenseDrill(Side.Left);

        int? holdFrame = null, revealFrame = null;
        for (int i = 0; i < script.Samples.Count; i++)
        {
            var before = drill.Phase;
            bool revealed = drill.Update(script.Samples[i]);
            if (before != DrillPhase.Holding && drill.Phase == DrillPhase.Holding)
            {
                holdFrame ??= i;
            }

            if (revealed)
            {
                revealFrame = i;
            }

            if (revealFrame is null)
            {
                Assert.True(drill.FeedbackHidden, $"feedback shown at frame {i} before the reveal");
            }
        }

        // Hold = depth within 3 % over the last 0.5 s (15 frames). Going down at 20 %/s (0.67 % a frame) with ±0.5 %
        // jitter at the bottom, the window may reach back 3 frames into the descent (20 − 3 × 0.67 = 18 ≥ 20.5 − 3),
        // so the hold starts 15 − 4 = 11 frames after the first bottom frame; the reveal 2 s (60 frames) later.
        Assert.Equal(11, holdFrame!.Value - bottomFrame);
        Assert.Equal(60, revealFrame!.Value - holdFrame.Value);
        Assert.Equal(DrillPhase.Standing, drill.Phase);
        Assert.Equal(7.0, drill.LastTrial!.FppaDeg, 9);
    }

    [Fact]
    public void Revealed_fppa_is_the_mean_over_the_hidden_hold()
    {
        // FPPA alternates 6° and 10° during the hold: the trial is their mean, 8°.
        var script = new SquatScript().Stand(1).Down(20, 1, 0).Hold(3, i => i % 2 == 0 ? 6.0 : 10.0);
        var drill = new PositionSenseDrill(Side.Right);
        DrillTrial? trial = null;
        foreach (var s in script.Samples)
        {
            if (drill.Update(s))
            {
                trial = drill.LastTrial;
            }
        }

        Assert.NotNull(trial);
        Assert.Equal(8.0, trial.FppaDeg, 1);
        Assert.Equal(Side.Right, trial.Side);
        Assert.Equal(DrillPhase.Revealed, drill.Phase);
        Assert.False(drill.FeedbackHidden);
        Assert.InRange(trial.HoldDepthPct, 19.5, 20.5);
    }

    [Fact]
    public void Position_sense_error_is_mean_absolute_fppa_with_a_least_squares_trend()
    {
        // |FPPA| 10, 8, 6, 4, 2: mean 6°, falling 2° per trial; signed mean (10 − 8 + 6 + 4 + 2) / 5 = 2.8°.
        var script = new SquatScript();
        foreach (double fppa in new[] { 10.0, -8.0, 6.0, 4.0, 2.0 })
        {
            script.Trial(fppa);
        }

        var drill = new PositionSenseDrill(Side.Left);
        foreach (var s in script.Samples)
        {
            drill.Update(s);
        }

        var left = drill.Result.Left;
        Assert.Equal(5, left.Trials.Length);
        Assert.Equal(6.0, left.MeanAbsoluteErrorDeg!.Value, 9);
        Assert.Equal(2.8, left.MeanSignedFppaDeg!.Value, 9);
        Assert.Equal(-2.0, left.TrendDegPerTrial!.Value, 9);
        Assert.Equal([1, 2, 3, 4, 5], left.Trials.Select(t => t.Number));
        Assert.Empty(drill.Result.Right.Trials);
        Assert.Contains("improving by 2.0° per trial", left.Describe());
    }

    [Fact]
    public void Standing_up_before_the_reveal_does_not_count_a_trial()
    {
        var script = new SquatScript().Stand(1).Down(20, 1, 5).Hold(1.5, _ => 5).Up(0.5).Stand(1);
        var drill = new PositionSenseDrill(Side.Left);
        bool sawHolding = false;
        foreach (var s in script.Samples)
        {
            Assert.False(drill.Update(s));
            sawHolding |= drill.Phase == DrillPhase.Holding;
        }

        Assert.True(sawHolding);
        Assert.Equal(0, drill.TrialsCompleted);
        Assert.Equal(DrillPhase.Standing, drill.Phase);
        Assert.Equal("stood up before the reveal", drill.LastAbortReason);
        Assert.True(drill.FeedbackHidden);
    }

    [Fact]
    public void Slow_continuous_descent_is_not_a_hold()
    {
        // 10 % of leg length per second moves 5 % in the 0.5 s window, beyond the 3 % tolerance.
        var script = new SquatScript().Stand(1).Down(40, 4, 5);
        var drill = new PositionSenseDrill(Side.Left);
        foreach (var s in script.Samples)
        {
            drill.Update(s);
            Assert.NotEqual(DrillPhase.Holding, drill.Phase);
        }

        Assert.Equal(DrillPhase.Descending, drill.Phase);
    }

    [Fact]
    public void Shallow_stop_above_minimum_depth_is_not_a_hold()
    {
        var script = new SquatScript().Stand(1).Down(8, 0.5, 5).Hold(3, _ => 5);
        var drill = new PositionSenseDrill(Side.Left);
        foreach (var s in script.Samples)
        {
            drill.Update(s);
        }

        Assert.Equal(DrillPhase.Descending, drill.Phase);
    }

    [Fact]
    public void Hold_without_a_visible_knee_reveals_nothing()
    {
        var script = new SquatScript().Stand(1).Down(20, 1, 0).Hold(3, _ => null);
        var drill = new PositionSenseDrill(Side.Left);
        foreach (var s in script.Samples)
        {
            Assert.False(drill.Update(s));
        }

        Assert.Equal(0, drill.TrialsCompleted);
        Assert.Equal("the knee was not visible during the hold", drill.LastAbortReason);
    }

    [Fact]
    public void Drill_switches_legs_after_the_set_number_of_trials_and_then_finishes()
    {
        var script = new SquatScript().Trial(3).Trial(4).Trial(-5).Trial(-1);
        var drill = new PositionSenseDrill(Side.Right, DrillSettings.Default with { TrialsPerSide = 2 });
        var sides = new List<Side>();
        foreach (var s in script.Samples)
        {
            if (drill.Update(s))
            {
                sides.Add(drill.LastTrial!.Side);
            }
        }

        Assert.Equal([Side.Right, Side.Right, Side.Left, Side.Left], sides);
        Assert.Equal(DrillPhase.Finished, drill.Phase);
        Assert.False(drill.FeedbackHidden);
        Assert.Equal(3.5, drill.Result.Right.MeanAbsoluteErrorDeg!.Value, 9);
        Assert.Equal(3.0, drill.Result.Left.MeanAbsoluteErrorDeg!.Value, 9);
        Assert.Equal(-4.0, drill.Result.Left.TrendDegPerTrial!.Value, 9);
    }

    [Fact]
    public void Searching_deeper_after_a_hold_starts_a_new_hold_there()
    {
        // Holds at 15 % for 1 s (FPPA 12°), goes on to 25 % and holds 3 s (FPPA 4°): the trial is the second hold.
        var script = new SquatScript().Stand(1).Down(15, 0.5, 12).Hold(1, _ => 12).Down(25, 0.5, 4).Hold(3, _ => 4);
        var drill = new PositionSenseDrill(Side.Left);
        foreach (var s in script.Samples)
        {
            drill.Update(s);
        }

        Assert.Equal(1, drill.TrialsCompleted);
        Assert.Equal(4.0, drill.LastTrial!.FppaDeg, 9);
        Assert.InRange(drill.LastTrial.HoldDepthPct, 24.5, 25.5);
    }

    [Fact]
    public void Settings_that_make_no_sense_are_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => new PositionSenseDrill(Side.Left, DrillSettings.Default with { TrialsPerSide = 0 }));
        Assert.Contains("TrialsPerSide", e.Message);
    }
}
