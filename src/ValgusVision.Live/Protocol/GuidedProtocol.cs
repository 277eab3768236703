using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Protocol;

/// <summary>
/// The guided session as a state machine over its steps (the sets of <see cref="ProtocolPlan"/>), each going
/// Ready → Active → Summary, then the next step's Ready or, after the last, Done (<see cref="Transitions"/>; every
/// change goes through one method that checks it). Ready and Summary move on with the front end's key (its words in
/// <see cref="StartHint"/>, <see cref="GoOnHint"/>), or, when the
/// machine advances by itself (headless: no keys), after <see cref="AutoAdvanceSeconds"/>, and its prompts then count
/// down instead of asking for a key, and an untimed set (the hip hitch) ends at its
/// <see cref="ProtocolStep.UnattendedLimitSeconds"/> if its reps are not all held by then. What is shown, counted and judged follows the current step only: a timed set
/// (hinge, squat) counts the analysis' reps and their FPPA and has their verdicts shown; the hip hitch counts its held
/// lifts, and the squat reps the analysis may see meanwhile are neither counted nor judged; outside Active nothing is.
/// Time comes from the caller (frame timestamps), so the machine is deterministic and testable without a clock.
/// </summary>
public sealed class GuidedProtocol
{
    /// <summary>The only phase changes there are.</summary>
    public static readonly IReadOnlyList<(ProtocolPhase From, ProtocolPhase To)> Transitions =
    [
        (ProtocolPhase.Ready, ProtocolPhase.Active),
        (ProtocolPhase.Active, ProtocolPhase.Summary),
        (ProtocolPhase.Summary, ProtocolPhase.Ready),
        (ProtocolPhase.Summary, ProtocolPhase.Done),
    ];

    private readonly AnalysisSettings _settings;
    private double? _phaseSinceSeconds;
    private double _nowSeconds;
    private readonly List<SetSummary> _summaries = [];
    private double _setStartSeconds;
    private int _reps, _events;
    private double _fppaSum, _fppaPeak;
    private int _fppaCount;
    private double? _hitchSinceSeconds;
    private bool _holdCounted;

    /// <param name="autoAdvanceSeconds">Leave Ready and Summary by itself after this long (no keys: headless); null = by the space key only.</param>
    public GuidedProtocol(ImmutableArray<ProtocolStep> steps, AnalysisSettings? settings = null, double? autoAdvanceSeconds = null)
    {
        if (steps.IsDefaultOrEmpty)
        {
            throw new ArgumentException("guided protocol: no sets given", nameof(steps));
        }

        if (autoAdvanceSeconds is { } auto && !(auto > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(autoAdvanceSeconds), auto, "the pause before moving on must be positive");
        }

        Steps = steps;
        _settings = settings ?? AnalysisSettings.Default;
        AutoAdvanceSeconds = autoAdvanceSeconds;
    }

    /// <summary>
    /// What Ready asks for to start the set, in the front end's own words: the live window's space key by default, the
    /// web page's "Start set" button there. Not used when the machine advances by itself (it counts down instead).
    /// </summary>
    public string StartHint { get; init; } = "Press space to start";

    /// <summary>What Summary asks for to go on to the next set (see <see cref="StartHint"/>).</summary>
    public string GoOnHint { get; init; } = "Press space to go on";

    /// <summary>How long Ready and Summary wait before the machine moves on by itself; null = it waits for the key.</summary>
    public double? AutoAdvanceSeconds { get; }

    /// <summary>The analysis' reps count, and their verdicts are shown, now: only in a running timed set.</summary>
    public bool JudgesReps => Phase == ProtocolPhase.Active && Step.IsTimed;

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
        ProtocolPhase.Ready when SwitchSide => $"Switch to your {Step.Side.ToName()} leg. {Step.Title}. {StartCue}",
        ProtocolPhase.Ready => $"{Step.Title}. {StartCue}",
        ProtocolPhase.Active when Step.IsTimed => $"{Step.Exercise.ToTitle()}, {Step.Side.ToName()} leg: {Math.Ceiling(TimerSeconds):0} s left, {_reps} reps",
        ProtocolPhase.Active when Holding => $"Hold at the top: {TimerSeconds:0.0} of {Step.HoldSeconds:0} s (rep {_reps + 1} of {Step.TargetReps})",
        ProtocolPhase.Active when _holdCounted => $"Held. Lower slowly (rep {_reps} of {Step.TargetReps})",
        ProtocolPhase.Active => $"Lift the free hip and hold (rep {_reps + 1} of {Step.TargetReps})",
        ProtocolPhase.Summary => $"{_summaries[^1].Describe()}. {NextCue}",
        _ => "Session done",
    };

    private string StartCue => AutoAdvanceSeconds is null ? StartHint : $"Starts in {SecondsLeft:0} s";

    private string NextCue => AutoAdvanceSeconds is null ? GoOnHint
        : StepIndex + 1 >= Steps.Length ? $"Session done in {SecondsLeft:0} s"
        : $"Next set in {SecondsLeft:0} s";

    /// <summary>Whole seconds until the machine moves on by itself.</summary>
    private double SecondsLeft => Math.Max(0, Math.Ceiling(AutoAdvanceSeconds!.Value - (_nowSeconds - (_phaseSinceSeconds ?? _nowSeconds)) - 1e-9));

    /// <summary>
    /// Makes the live analysis segment and judge reps as the current step's exercise (hinge reps from trunk flexion, squat
    /// reps from depth), since one session's analysis would otherwise count every step's reps by the first exercise's
    /// rule. Called after each frame, so a step is analysed as its own exercise from its Ready on.
    /// </summary>
    public void Steer(LiveSessionAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        if (Phase != ProtocolPhase.Done)
        {
            analyzer.SwitchExercise(Step.Exercise);
        }
    }

    /// <summary>The space key: starts the set that is ready, or leaves a summary for the next set.</summary>
    public void Advance(double timeSeconds)
    {
        switch (Phase)
        {
            case ProtocolPhase.Ready:
                Enter(ProtocolPhase.Active, timeSeconds);
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
                Enter(StepIndex + 1 >= Steps.Length ? ProtocolPhase.Done : ProtocolPhase.Ready, timeSeconds);
                StepIndex++;
                break;
        }
    }

    /// <summary>The one place the phase changes: only along <see cref="Transitions"/>.</summary>
    private void Enter(ProtocolPhase next, double timeSeconds)
    {
        if (!Transitions.Contains((Phase, next)))
        {
            throw new InvalidOperationException($"guided protocol: no way from {Phase} to {next}");
        }

        Phase = next;
        _phaseSinceSeconds = timeSeconds;
        _nowSeconds = timeSeconds;
    }

    /// <summary>
    /// Advances the timers to <paramref name="timeSeconds"/>. <paramref name="pelvicDropDeg"/> is the frame's pelvic
    /// drop (positive when the free side is lower), which times the hip hitch's hold at the top.
    /// </summary>
    public void Update(double timeSeconds, double? pelvicDropDeg)
    {
        _nowSeconds = timeSeconds;
        _phaseSinceSeconds ??= timeSeconds;
        if (Phase is ProtocolPhase.Ready or ProtocolPhase.Summary)
        {
            if (AutoAdvanceSeconds is { } auto && timeSeconds - _phaseSinceSeconds.Value >= auto)
            {
                Advance(timeSeconds);
            }

            return;
        }

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

        // Without keys nobody can end a hip hitch that is never held: it ends at its time limit, saying how many it held.
        if (Phase == ProtocolPhase.Active && AutoAdvanceSeconds is not null && Step.UnattendedLimitSeconds is { } limit
            && timeSeconds - _setStartSeconds >= limit)
        {
            EndSet(timeSeconds);
        }
    }

    /// <summary>
    /// A rep the live analysis finished. Counted (with its FPPA) only in a running timed set; the hip hitch counts its
    /// holds instead. Returns whether it counted, i.e. whether its verdict belongs on the screen.
    /// </summary>
    public bool OnRep(Rep rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        if (!JudgesReps)
        {
            return false;
        }

        _reps++;
        if (rep.FppaAtBottomDeg is { } bottom)
        {
            _fppaSum += bottom;
            _fppaCount++;
        }

        if (rep.PeakFppaDeg is { } peak && peak > _fppaPeak)
        {
            _fppaPeak = peak;
        }

        return true;
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
        Enter(ProtocolPhase.Summary, timeSeconds);
        TimerSeconds = 0;
        _hitchSinceSeconds = null;
        _holdCounted = false;
    }
}
