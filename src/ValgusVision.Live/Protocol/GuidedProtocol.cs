using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Protocol;

/// <summary>
/// The guided session as a timer state machine: each set waits for the person (space), runs its timer or counts its
/// held reps, then shows a summary; the next set's prompt says when to switch legs. Time comes from the caller (frame
/// timestamps), so the machine is deterministic and testable without a clock.
/// </summary>
public sealed class GuidedProtocol
{
    private readonly AnalysisSettings _settings;
    private readonly List<SetSummary> _summaries = [];
    private double _setStartSeconds;
    private int _reps, _events;
    private double _fppaSum, _fppaPeak;
    private int _fppaCount;
    private double? _hitchSinceSeconds;
    private bool _holdCounted;

    public GuidedProtocol(ImmutableArray<ProtocolStep> steps, AnalysisSettings? settings = null)
    {
        if (steps.IsDefaultOrEmpty)
        {
            throw new ArgumentException("guided protocol: no sets given", nameof(steps));
        }

        Steps = steps;
        _settings = settings ?? AnalysisSettings.Default;
    }

    public ImmutableArray<ProtocolStep> Steps { get; }

    public int StepIndex { get; private set; }

    public ProtocolStep Step => Steps[Math.Min(StepIndex, Steps.Length - 1)];

    public ProtocolPhase Phase { get; private set; } = ProtocolPhase.Ready;

    /// <summary>Seconds left in a timed set, or held so far in the current hip-hitch rep; 0 otherwise.</summary>
    public double TimerSeconds { get; private set; }

    /// <summary>Reps counted in the running set.</summary>
    public int RepsInSet => _reps;

    /// <summary>The hip hitch is up and its hold timer is running.</summary>
    public bool Holding => _hitchSinceSeconds is not null && !_holdCounted;

    public IReadOnlyList<SetSummary> Summaries => _summaries;

    /// <summary>True when the set about to start is on the other leg than the one before it.</summary>
    public bool SwitchSide => Phase == ProtocolPhase.Ready && StepIndex > 0 && Steps[StepIndex - 1].Side != Step.Side;

    /// <summary>What the screen should say now.</summary>
    public string Prompt => Phase switch
    {
        ProtocolPhase.Ready when SwitchSide => $"Switch to your {Step.Side.ToName()} leg. {Step.Title}. Press space to start",
        ProtocolPhase.Ready => $"{Step.Title}. Press space to start",
        ProtocolPhase.Active when Step.IsTimed => $"{Step.Exercise.ToTitle()}, {Step.Side.ToName()} leg: {Math.Ceiling(TimerSeconds):0} s left, {_reps} reps",
        ProtocolPhase.Active when Holding => $"Hold at the top: {TimerSeconds:0.0} of {Step.HoldSeconds:0} s (rep {_reps + 1} of {Step.TargetReps})",
        ProtocolPhase.Active when _holdCounted => $"Held. Lower slowly (rep {_reps} of {Step.TargetReps})",
        ProtocolPhase.Active => $"Lift the free hip and hold (rep {_reps + 1} of {Step.TargetReps})",
        ProtocolPhase.Summary => $"{_summaries[^1].Describe()}. Press space to go on",
        _ => "Session done",
    };

    /// <summary>The space key: starts the set that is ready, or leaves a summary for the next set.</summary>
    public void Advance(double timeSeconds)
    {
        switch (Phase)
        {
            case ProtocolPhase.Ready:
                Phase = ProtocolPhase.Active;
                _setStartSeconds = timeSeconds;
                _reps = _events = _fppaCount = 0;
                _fppaSum = 0;
                _fppaPeak = double.NegativeInfinity;
                _hitchSinceSeconds = null;
                _holdCounted = false;
                TimerSeconds = Step.DurationSeconds ?? 0;
                break;
            case ProtocolPhase.Active:
                // Space during a set ends it early; the summary says how long it really ran.
                EndSet(timeSeconds);
                break;
            case ProtocolPhase.Summary:
                StepIndex++;
                Phase = StepIndex >= Steps.Length ? ProtocolPhase.Done : ProtocolPhase.Ready;
                break;
        }
    }

    /// <summary>
    /// Advances the timers to <paramref name="timeSeconds"/>. <paramref name="pelvicDropDeg"/> is the frame's pelvic
    /// drop (positive when the free side is lower), which times the hip hitch's hold at the top.
    /// </summary>
    public void Update(double timeSeconds, double? pelvicDropDeg)
    {
        if (Phase != ProtocolPhase.Active)
        {
            return;
        }

        if (Step.DurationSeconds is { } duration)
        {
            TimerSeconds = Math.Max(0, duration - (timeSeconds - _setStartSeconds));
            if (TimerSeconds <= 0)
            {
                EndSet(timeSeconds);
            }

            return;
        }

        UpdateHitch(timeSeconds, pelvicDropDeg);
    }

    /// <summary>A rep the live analysis finished (timed sets count these; the hip hitch counts its holds).</summary>
    public void OnRep(Rep rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        if (Phase != ProtocolPhase.Active)
        {
            return;
        }

        if (Step.IsTimed)
        {
            _reps++;
        }

        if (rep.FppaAtBottomDeg is { } bottom)
        {
            _fppaSum += bottom;
            _fppaCount++;
        }

        if (rep.PeakFppaDeg is { } peak && peak > _fppaPeak)
        {
            _fppaPeak = peak;
        }
    }

    /// <summary>A valgus event the live analysis finished.</summary>
    public void OnValgusEvent()
    {
        if (Phase == ProtocolPhase.Active)
        {
            _events++;
        }
    }

    private void UpdateHitch(double timeSeconds, double? pelvicDropDeg)
    {
        // Hitching lifts the free side, which is a negative pelvic drop; hysteresis as in the offline hitch reps.
        double? lift = -pelvicDropDeg;
        if (_hitchSinceSeconds is null)
        {
            if (lift >= _settings.HitchStartDeg)
            {
                _hitchSinceSeconds = timeSeconds;
                _holdCounted = false;
            }

            TimerSeconds = 0;
            return;
        }

        if (lift is null || lift < _settings.HitchEndDeg)
        {
            _hitchSinceSeconds = null;
            _holdCounted = false;
            TimerSeconds = 0;
            if (_reps >= Step.TargetReps)
            {
                EndSet(timeSeconds);
            }

            return;
        }

        TimerSeconds = timeSeconds - _hitchSinceSeconds.Value;
        if (!_holdCounted && TimerSeconds >= Step.HoldSeconds)
        {
            _holdCounted = true;
            _reps++;
        }
    }

    private void EndSet(double timeSeconds)
    {
        _summaries.Add(new SetSummary(
            Step,
            timeSeconds - _setStartSeconds,
            _reps,
            _events,
            _fppaCount > 0 ? _fppaSum / _fppaCount : null,
            double.IsFinite(_fppaPeak) ? _fppaPeak : null));
        Phase = ProtocolPhase.Summary;
        TimerSeconds = 0;
        _hitchSinceSeconds = null;
        _holdCounted = false;
    }
}
