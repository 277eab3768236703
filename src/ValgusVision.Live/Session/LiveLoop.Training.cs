using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Live.Drill;
using ValgusVision.Live.Protocol;

namespace ValgusVision.Live.Session;

/// <summary>The loop's training flow: reps, valgus events, the drill, the guided protocol and the sets started with space.</summary>
internal sealed partial class LiveLoop
{
    /// <summary>Reps, events, drill and protocol: what changed with this frame.</summary>
    private void Follow(FrameMetrics metrics, Side? stance, double now)
    {
        // The drill hides every hint of the angle until the reveal, the red flash and the bell included.
        bool hidden = Drill?.FeedbackHidden ?? false;
        if (metrics.InEvent && !_wasInEvent && !hidden)
        {
            _flashUntil = now + FlashSeconds;
            // The terminal bell: audible where the terminal has one, harmless elsewhere.
            _console.Write('\a');
            if (Options.Headless)
            {
                _console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{metrics.TimeSeconds,7:0.00} s  VALGUS: knee FPPA {metrics.StanceFppaDeg ?? metrics.LeftFppaDeg ?? metrics.RightFppaDeg:0.0}° ≥ {Options.Settings.ValgusThresholdDeg:0.#}°"));
            }
        }

        _wasInEvent = metrics.InEvent;
        while (_repsSeen < Analyzer.Reps.Count)
        {
            var rep = Analyzer.Reps[_repsSeen++];
            // Guided: only the running timed set's reps count and are judged (not a hip hitch's, not between sets).
            if (_protocol is not null && !_protocol.OnRep(rep))
            {
                continue;
            }

            _lastVerdict = string.Create(CultureInfo.InvariantCulture, $"rep {(_protocol?.RepsInSet ?? rep.Index + 1)}: {rep.Verdict}");
            if (Options.Headless && !hidden)
            {
                _console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{metrics.TimeSeconds,7:0.00} s  {_lastVerdict}"));
            }
        }

        while (_eventsSeen < Analyzer.Events.Count)
        {
            _eventsSeen++;
            _protocol?.OnValgusEvent();
        }

        if (Drill is not null && stance is { } side && Drill.Update(new DrillSample(metrics.TimeSeconds, metrics.DepthPct, metrics.FppaDeg(side))))
        {
            _console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"drill: {Drill.LastTrial!.Side.ToName()} leg trial {Drill.LastTrial.Number}: FPPA {Drill.LastTrial.FppaDeg:+0.0;-0.0;0.0}° (error {Drill.LastTrial.AbsoluteErrorDeg:0.0}°)"));
        }

        _protocol?.Update(metrics.TimeSeconds, metrics.PelvicDropDeg);
        _protocol?.Steer(Analyzer);
        string? prompt = _protocol is not null ? PhaseKey(_protocol) : Drill?.Prompt;
        if (prompt is not null && prompt != _lastPrompt)
        {
            _lastPrompt = prompt;
            if (_protocol is not null)
            {
                // A new step or phase: the last set's rep verdict is not this one's.
                _lastVerdict = null;
            }

            if (Options.Headless)
            {
                _console.WriteLine((_protocol?.Prompt ?? Drill?.Prompt)!);
            }
        }
    }

    /// <summary>The protocol's prompt without its running numbers, so the console prints it once per phase.</summary>
    private static string PhaseKey(GuidedProtocol protocol) =>
        string.Create(CultureInfo.InvariantCulture, $"{protocol.StepIndex}:{protocol.Phase}");

    private void ToggleSet(double timeSeconds)
    {
        if (_protocol is not null)
        {
            _protocol.Advance(timeSeconds);
            return;
        }

        if (!_setRunning)
        {
            _setRunning = true;
            _setStart = timeSeconds;
            _setRepsAtStart = Analyzer.Reps.Count;
            _setEventsAtStart = Analyzer.Events.Count;
            _setNumber++;
            return;
        }

        _setRunning = false;
        int reps = Analyzer.Reps.Count - _setRepsAtStart;
        double sum = 0, peak = double.NegativeInfinity;
        int counted = 0;
        for (int i = _setRepsAtStart; i < Analyzer.Reps.Count; i++)
        {
            if (Analyzer.Reps[i].FppaAtBottomDeg is { } bottom)
            {
                sum += bottom;
                counted++;
            }

            peak = Math.Max(peak, Analyzer.Reps[i].PeakFppaDeg ?? double.NegativeInfinity);
        }

        var step = new ProtocolStep(Options.Settings.Exercise == Exercise.Auto ? Exercise.SingleLegSquat : Options.Settings.Exercise, _userStance ?? Side.Left, _setNumber, _setNumber, null, null, null);
        var summary = new SetSummary(step, timeSeconds - _setStart, reps, Analyzer.Events.Count - _setEventsAtStart, counted > 0 ? sum / counted : null, double.IsFinite(peak) ? peak : null);
        _sets.Add(summary);
        _lastVerdict = summary.Describe();
        _console.WriteLine(_lastVerdict);
    }
}
