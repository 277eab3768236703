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
        if (metrics.InEvent && !wasInEvent && !hidden)
        {
            flashUntil = now + FlashSeconds;
            // The terminal bell: audible where the terminal has one, harmless elsewhere.
            console.Write('\a');
            if (Options.Headless)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{metrics.TimeSeconds,7:0.00} s  VALGUS: knee FPPA {metrics.StanceFppaDeg ?? metrics.LeftFppaDeg ?? metrics.RightFppaDeg:0.0}° ≥ {Options.Settings.ValgusThresholdDeg:0.#}°"));
            }
        }

        wasInEvent = metrics.InEvent;
        while (repsSeen < Analyzer.Reps.Count)
        {
            var rep = Analyzer.Reps[repsSeen++];
            lastVerdict = string.Create(CultureInfo.InvariantCulture, $"rep {rep.Index + 1}: {rep.Verdict}");
            protocol?.OnRep(rep);
            if (Options.Headless && !hidden)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{metrics.TimeSeconds,7:0.00} s  {lastVerdict}"));
            }
        }

        while (eventsSeen < Analyzer.Events.Count)
        {
            eventsSeen++;
            protocol?.OnValgusEvent();
        }

        if (Drill is not null && stance is { } side && Drill.Update(new DrillSample(metrics.TimeSeconds, metrics.DepthPct, metrics.FppaDeg(side))))
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"drill: {Drill.LastTrial!.Side.ToName()} leg trial {Drill.LastTrial.Number}: FPPA {Drill.LastTrial.FppaDeg:+0.0;-0.0;0.0}° (error {Drill.LastTrial.AbsoluteErrorDeg:0.0}°)"));
        }

        if (protocol is not null)
        {
            protocol.Update(metrics.TimeSeconds, metrics.PelvicDropDeg);
            if (Options.Headless && protocol.Phase is ProtocolPhase.Ready or ProtocolPhase.Summary && metrics.TimeSeconds - promptSince >= HeadlessAutoAdvanceSeconds)
            {
                protocol.Advance(metrics.TimeSeconds);
            }
        }

        string? prompt = protocol is not null ? PhaseKey(protocol) : Drill?.Prompt;
        if (prompt is not null && prompt != lastPrompt)
        {
            lastPrompt = prompt;
            promptSince = metrics.TimeSeconds;
            if (Options.Headless)
            {
                console.WriteLine((protocol?.Prompt ?? Drill?.Prompt)!);
            }
        }
    }

    /// <summary>The protocol's prompt without its running numbers, so the console prints it once per phase.</summary>
    private static string PhaseKey(GuidedProtocol protocol) =>
        string.Create(CultureInfo.InvariantCulture, $"{protocol.StepIndex}:{protocol.Phase}");

    private void ToggleSet(double timeSeconds)
    {
        if (protocol is not null)
        {
            protocol.Advance(timeSeconds);
            return;
        }

        if (!setRunning)
        {
            setRunning = true;
            setStart = timeSeconds;
            setRepsAtStart = Analyzer.Reps.Count;
            setEventsAtStart = Analyzer.Events.Count;
            setNumber++;
            return;
        }

        setRunning = false;
        int reps = Analyzer.Reps.Count - setRepsAtStart;
        double sum = 0, peak = double.NegativeInfinity;
        int counted = 0;
        for (int i = setRepsAtStart; i < Analyzer.Reps.Count; i++)
        {
            if (Analyzer.Reps[i].FppaAtBottomDeg is { } bottom)
            {
                sum += bottom;
                counted++;
            }

            peak = Math.Max(peak, Analyzer.Reps[i].PeakFppaDeg ?? double.NegativeInfinity);
        }

        var step = new ProtocolStep(Options.Settings.Exercise == Exercise.Auto ? Exercise.SingleLegSquat : Options.Settings.Exercise, userStance ?? Side.Left, setNumber, setNumber, null, null, null);
        var summary = new SetSummary(step, timeSeconds - setStart, reps, Analyzer.Events.Count - setEventsAtStart, counted > 0 ? sum / counted : null, double.IsFinite(peak) ? peak : null);
        sets.Add(summary);
        lastVerdict = summary.Describe();
        console.WriteLine(lastVerdict);
    }
}
