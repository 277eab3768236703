using System.Collections.Immutable;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Incremental analysis for a live camera: feed frames as they come, get each frame's metrics at once, and reps and
/// valgus events as soon as they finish. The first <c>calibrationSeconds</c> with a person in view are taken as the
/// standing reference (ask the person to stand still on both feet); metrics during calibration use the frames so
/// far. Reps are segmented online (single-leg squat from depth, hinge from trunk flexion, switchable mid-session by
/// <see cref="SwitchExercise"/>; other exercises and
/// <see cref="Exercise.Auto"/> count as squats live) with a trailing rather than centred smoothing, so live reps can
/// differ from the offline ones by a frame or two: <see cref="Finish"/> runs the full offline analysis over
/// everything received and is the result to keep.
/// </summary>
public sealed class LiveSessionAnalyzer
{
    private readonly AnalysisSettings _settings;
    private readonly double _calibrationSeconds;
    private readonly List<PoseFrame> _frames = [];
    private readonly List<PoseFrame> _calibration = [];

    /// <summary>How often (in posed frames) the standing leg lengths are re-read from every frame so far.</summary>
    private const int LengthRefreshFrames = 30;

    private int _framesSinceLengthRefresh;
    private readonly List<FrameMetrics> _metrics = [];
    private readonly List<Side?> _ankleStance = [];

    /// <summary>The stance each frame was measured with: the ankle votes held through the frames without one.</summary>
    private readonly List<Side?> _heldStance = [];
    private readonly StanceHold _stanceHold = new();
    private readonly List<double?> _repSignal = [];
    private readonly List<Rep> _reps = [];
    private readonly List<ValgusEvent> _events = [];
    private readonly ValgusEventTracker _leftTracker;
    private readonly ValgusEventTracker _rightTracker;
    private FrameMetricsCalculator _calculator;
    private double? _firstPosedTime;
    private bool _inRep;
    private int _repStart, _repBottom, _lastRest;
    private double _repPeak;
    private Exercise _exercise;

    public LiveSessionAnalyzer(AnalysisSettings settings, double calibrationSeconds = 1.0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (!(calibrationSeconds >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(calibrationSeconds), calibrationSeconds, "calibration time must not be negative");
        }

        _settings = settings;
        _exercise = settings.Exercise;
        _calibrationSeconds = calibrationSeconds;
        _calculator = new FrameMetricsCalculator(settings, StandingReference.None);
        var detector = ValgusEventDetector.From(settings);
        _leftTracker = detector.NewTracker();
        _rightTracker = detector.NewTracker();
    }

    public bool IsCalibrated { get; private set; }

    /// <summary>The exercise whose reps are segmented now (the settings' one until <see cref="SwitchExercise"/>).</summary>
    public Exercise Exercise => _exercise;

    /// <summary>
    /// From the next frame on, segments and builds reps of <paramref name="exercise"/> (a guided session's step changes
    /// from the squat to the hinge, say). A rep under way is dropped, not finished by the other exercise's rule, and its
    /// motion start is looked for only after the switch, since the signal before it was the other exercise's.
    /// <see cref="Finish"/> stays the settings' offline analysis.
    /// </summary>
    public void SwitchExercise(Exercise exercise)
    {
        if (exercise == _exercise)
        {
            return;
        }

        _exercise = exercise;
        _inRep = false;
        _lastRest = _frames.Count;
    }

    public StandingReference Reference => _calculator.Reference;

    /// <summary>Reps finished so far (live segmentation).</summary>
    public IReadOnlyList<Rep> Reps => _reps;

    /// <summary>Valgus events finished so far.</summary>
    public IReadOnlyList<ValgusEvent> Events => _events;

    /// <summary>All frames' metrics so far, in order.</summary>
    public IReadOnlyList<FrameMetrics> Frames => _metrics;

    /// <summary>Adds the next frame (times must not decrease) and returns its metrics.</summary>
    public FrameMetrics Add(PoseFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_frames.Count > 0 && !(frame.TimeSeconds >= _frames[^1].TimeSeconds))
        {
            throw new ArgumentException($"frame {frame.FrameIndex} has time {frame.TimeSeconds} s, not after the previous frame's {_frames[^1].TimeSeconds} s", nameof(frame));
        }

        Calibrate(frame);
        int position = _frames.Count;
        double? rate = position > 0 && frame.TimeSeconds > _frames[^1].TimeSeconds ? 1.0 / (frame.TimeSeconds - _frames[^1].TimeSeconds) : null;
        var previous = position > 0 ? _frames[^1] : null;
        _frames.Add(frame);
        var vote = _calculator.StanceFromAnkles(frame);
        _ankleStance.Add(vote);
        var stance = _settings.StanceOverride ?? _stanceHold.Update(frame.TimeSeconds, frame.HasPose, vote);
        _heldStance.Add(stance);

        var m = _calculator.Compute(frame, stance, rate, previous: previous);
        Track(_leftTracker, Side.Left, position, m.LeftFppaDeg, frame.TimeSeconds);
        Track(_rightTracker, Side.Right, position, m.RightFppaDeg, frame.TimeSeconds);
        bool inEvent = stance switch
        {
            Side.Left => _leftTracker.IsSustained,
            Side.Right => _rightTracker.IsSustained,
            _ => _leftTracker.IsSustained || _rightTracker.IsSustained,
        };
        _metrics.Add(m);
        SegmentReps(position);
        m = m with { RepIndex = _inRep ? _reps.Count : null, InEvent = inEvent };
        _metrics[position] = m;
        return m;
    }

    /// <summary>The full offline analysis of every frame received so far (the result to save).</summary>
    public SessionAnalysis Finish() => SessionAnalyzer.Analyze(_frames, _settings);

    private void Calibrate(PoseFrame frame)
    {
        if (!frame.HasPose)
        {
            return;
        }

        if (IsCalibrated)
        {
            if (++_framesSinceLengthRefresh >= LengthRefreshFrames)
            {
                _framesSinceLengthRefresh = 0;
                GrowLegLengths();
            }

            return;
        }

        _firstPosedTime ??= frame.TimeSeconds;
        _calibration.Add(frame);
        _calculator = new FrameMetricsCalculator(_settings, StandingReference.FromFrames(_calibration, _settings.VisibilityGate, _settings.FrameEdgeMargin));
        if (frame.TimeSeconds - _firstPosedTime.Value >= _calibrationSeconds)
        {
            IsCalibrated = true;
            _calibration.Clear();
        }
    }

    private void Track(ValgusEventTracker tracker, Side side, int position, double? fppa, double time)
    {
        if (tracker.Update(position, fppa, time) is not { } e)
        {
            return;
        }

        // Single-leg exercises count only the standing knee's events (or any while the stance is unknown).
        var stanceAtPeak = _heldStance[e.Peak];
        if (_exercise != Exercise.DropJump && stanceAtPeak is { } s && s != side)
        {
            return;
        }

        int? rep = _inRep && e.Peak >= _repStart ? _reps.Count : RepContaining(e.Peak);
        _events.Add(new ValgusEvent(side, e.StartTimeSeconds, e.EndTimeSeconds, _frames[e.Start].FrameIndex, _frames[e.End].FrameIndex, e.PeakDeg, _frames[e.Peak].TimeSeconds, rep));
    }

    private int? RepContaining(int position)
    {
        for (int r = _reps.Count - 1; r >= 0; r--)
        {
            if (_reps[r].StartFrame <= _frames[position].FrameIndex && _frames[position].FrameIndex <= _reps[r].EndFrame)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>The offline rep rule (hysteresis, minimum depth and duration) applied online to a trailing mean.</summary>
    private void SegmentReps(int position)
    {
        bool hinge = _exercise == Exercise.Hinge;
        double start = hinge ? _settings.HingeStartDeg : _settings.RepStartDepthPct;
        double end = hinge ? _settings.HingeEndDeg : _settings.RepEndDepthPct;
        double minPeak = hinge ? _settings.HingeMinPeakDeg : _settings.RepMinDepthPct;
        double? smoothed = TrailingMean(position, hinge);
        _repSignal.Add(smoothed);
        if (smoothed is not { } value)
        {
            return;
        }

        if (!_inRep)
        {
            if (value >= start)
            {
                // The same motion-start rule as the offline RepSegmenter, on the trailing-smoothed signal.
                _inRep = true;
                _repStart = RepSegmenter.MotionStart(_repSignal, _lastRest, position, (start - end) / 2);
                _repBottom = position;
                _repPeak = value;
            }

            return;
        }

        if (value > _repPeak)
        {
            _repPeak = value;
            _repBottom = position;
        }

        if (value > end)
        {
            return;
        }

        _inRep = false;
        _lastRest = position;
        if (_repPeak >= minPeak && _frames[position].TimeSeconds - _frames[_repStart].TimeSeconds >= _settings.RepMinDurationSeconds)
        {
            _reps.Add(BuildRep(new RepWindow(_repStart, _repBottom, position)));
        }
    }

    private double? TrailingMean(int position, bool hinge)
    {
        double since = _frames[position].TimeSeconds - _settings.SignalSmoothingSeconds;
        double sum = 0;
        int count = 0;
        for (int i = position; i >= 0 && _frames[i].TimeSeconds >= since - 1e-9; i--)
        {
            if ((hinge ? _metrics[i].TrunkFlexionDeg : _metrics[i].DepthPct) is { } v)
            {
                sum += v;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }

    private Rep BuildRep(RepWindow window)
    {
        int index = _reps.Count;
        var side = _settings.StanceOverride ?? StanceLegDetector.ByLowerAnkle(_ankleStance, window.Start, window.End);
        var exercise = _exercise == Exercise.Hinge ? Exercise.Hinge : Exercise.SingleLegSquat;

        // The rep's own stance and hip-shift baseline, as the offline analysis computes them.
        var local = new List<FrameMetrics>(window.End - window.Start + 1);
        double? baseline = _calculator.Compute(_frames[window.Start], side, _metrics[window.Start].Quality.FrameRateHz, previous: window.Start > 0 ? _frames[window.Start - 1] : null).HipShiftPct;
        for (int i = window.Start; i <= window.End; i++)
        {
            local.Add(_calculator.Compute(_frames[i], side ?? _metrics[i].Stance, _metrics[i].Quality.FrameRateHz, baseline, index, _metrics[i].InEvent, i > 0 ? _frames[i - 1] : null));
        }

        var repEvents = ImmutableArray.CreateBuilder<ValgusEvent>();
        foreach (var e in _events)
        {
            if (e.RepIndex == index)
            {
                repEvents.Add(e);
            }
        }

        var builder = new RepBuilder(local, _settings);
        return builder.Build(index, exercise, side, new RepWindow(0, window.Bottom - window.Start, window.End - window.Start), 0, repEvents.ToImmutable());
    }

    /// <summary>
    /// A leg that was lifted or bent through the calibration seconds never showed its standing length there, and every
    /// later straight frame of it would read "longer than standing" (implausible). So the limb lengths are re-read from
    /// all frames so far by the offline rule (<see cref="StandingReference.FromFrames"/>) and only ever grow; the
    /// standing hip height and the floor stay the calibration's, so depth keeps its scale.
    /// </summary>
    private void GrowLegLengths()
    {
        var seen = StandingReference.FromFrames(_frames, _settings.VisibilityGate, _settings.FrameEdgeMargin);
        var now = _calculator.Reference;
        var grown = now with
        {
            LeftThighPx = Longer(now.LeftThighPx, seen.LeftThighPx),
            LeftShankPx = Longer(now.LeftShankPx, seen.LeftShankPx),
            RightThighPx = Longer(now.RightThighPx, seen.RightThighPx),
            RightShankPx = Longer(now.RightShankPx, seen.RightShankPx),
            LeftLegPx = Longer(now.LeftLegPx, seen.LeftLegPx),
            RightLegPx = Longer(now.RightLegPx, seen.RightLegPx),
        };
        if (grown != now)
        {
            _calculator = new FrameMetricsCalculator(_settings, grown);
        }
    }

    private static double? Longer(double? a, double? b) => (a, b) switch
    {
        ({ } x, { } y) => Math.Max(x, y),
        _ => a ?? b,
    };
}
