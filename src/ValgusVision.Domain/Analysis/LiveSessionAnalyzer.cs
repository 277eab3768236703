using System.Collections.Immutable;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Incremental analysis for a live camera: feed frames as they come, get each frame's metrics at once, and reps and
/// valgus events as soon as they finish. The first <c>calibrationSeconds</c> with a person in view are taken as the
/// standing reference (ask the person to stand still on both feet); metrics during calibration use the frames so
/// far. Reps are segmented online (single-leg squat from depth, hinge from trunk flexion; other exercises and
/// <see cref="Exercise.Auto"/> count as squats live) with a trailing rather than centred smoothing, so live reps can
/// differ from the offline ones by a frame or two: <see cref="Finish"/> runs the full offline analysis over
/// everything received and is the result to keep.
/// </summary>
public sealed class LiveSessionAnalyzer
{
    private readonly AnalysisSettings settings;
    private readonly double calibrationSeconds;
    private readonly List<PoseFrame> frames = [];
    private readonly List<PoseFrame> calibration = [];

    /// <summary>How often (in posed frames) the standing leg lengths are re-read from every frame so far.</summary>
    private const int LengthRefreshFrames = 30;

    private int framesSinceLengthRefresh;
    private readonly List<FrameMetrics> metrics = [];
    private readonly List<Side?> ankleStance = [];
    private readonly List<double?> repSignal = [];
    private readonly List<Rep> reps = [];
    private readonly List<ValgusEvent> events = [];
    private readonly ValgusEventTracker leftTracker;
    private readonly ValgusEventTracker rightTracker;
    private FrameMetricsCalculator calculator;
    private double? firstPosedTime;
    private bool inRep;
    private int repStart, repBottom, lastRest;
    private double repPeak;

    public LiveSessionAnalyzer(AnalysisSettings settings, double calibrationSeconds = 1.0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (!(calibrationSeconds >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(calibrationSeconds), calibrationSeconds, "calibration time must not be negative");
        }

        this.settings = settings;
        this.calibrationSeconds = calibrationSeconds;
        calculator = new FrameMetricsCalculator(settings, StandingReference.None);
        var detector = ValgusEventDetector.From(settings);
        leftTracker = detector.NewTracker();
        rightTracker = detector.NewTracker();
    }

    public bool IsCalibrated { get; private set; }

    public StandingReference Reference => calculator.Reference;

    /// <summary>Reps finished so far (live segmentation).</summary>
    public IReadOnlyList<Rep> Reps => reps;

    /// <summary>Valgus events finished so far.</summary>
    public IReadOnlyList<ValgusEvent> Events => events;

    /// <summary>All frames' metrics so far, in order.</summary>
    public IReadOnlyList<FrameMetrics> Frames => metrics;

    /// <summary>Adds the next frame (times must not decrease) and returns its metrics.</summary>
    public FrameMetrics Add(PoseFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frames.Count > 0 && !(frame.TimeSeconds >= frames[^1].TimeSeconds))
        {
            throw new ArgumentException($"frame {frame.FrameIndex} has time {frame.TimeSeconds} s, not after the previous frame's {frames[^1].TimeSeconds} s", nameof(frame));
        }

        Calibrate(frame);
        int position = frames.Count;
        double? rate = position > 0 && frame.TimeSeconds > frames[^1].TimeSeconds ? 1.0 / (frame.TimeSeconds - frames[^1].TimeSeconds) : null;
        var previous = position > 0 ? frames[^1] : null;
        frames.Add(frame);
        var stance = calculator.StanceFromAnkles(frame);
        ankleStance.Add(stance);
        stance = settings.StanceOverride ?? stance;

        var m = calculator.Compute(frame, stance, rate, previous: previous);
        Track(leftTracker, Side.Left, position, m.LeftFppaDeg, frame.TimeSeconds);
        Track(rightTracker, Side.Right, position, m.RightFppaDeg, frame.TimeSeconds);
        bool inEvent = stance switch
        {
            Side.Left => leftTracker.IsSustained,
            Side.Right => rightTracker.IsSustained,
            _ => leftTracker.IsSustained || rightTracker.IsSustained,
        };
        metrics.Add(m);
        SegmentReps(position);
        m = m with { RepIndex = inRep ? reps.Count : null, InEvent = inEvent };
        metrics[position] = m;
        return m;
    }

    /// <summary>The full offline analysis of every frame received so far (the result to save).</summary>
    public SessionAnalysis Finish() => SessionAnalyzer.Analyze(frames, settings);

    private void Calibrate(PoseFrame frame)
    {
        if (!frame.HasPose)
        {
            return;
        }

        if (IsCalibrated)
        {
            if (++framesSinceLengthRefresh >= LengthRefreshFrames)
            {
                framesSinceLengthRefresh = 0;
                GrowLegLengths();
            }

            return;
        }

        firstPosedTime ??= frame.TimeSeconds;
        calibration.Add(frame);
        calculator = new FrameMetricsCalculator(settings, StandingReference.FromFrames(calibration, settings.VisibilityGate, settings.FrameEdgeMargin));
        if (frame.TimeSeconds - firstPosedTime.Value >= calibrationSeconds)
        {
            IsCalibrated = true;
            calibration.Clear();
        }
    }

    private void Track(ValgusEventTracker tracker, Side side, int position, double? fppa, double time)
    {
        if (tracker.Update(position, fppa, time) is not { } e)
        {
            return;
        }

        // Single-leg exercises count only the standing knee's events (or any while the stance is unknown).
        var stanceAtPeak = settings.StanceOverride ?? ankleStance[e.Peak];
        if (settings.Exercise != Exercise.DropJump && stanceAtPeak is { } s && s != side)
        {
            return;
        }

        int? rep = inRep && e.Peak >= repStart ? reps.Count : RepContaining(e.Peak);
        events.Add(new ValgusEvent(side, e.StartTimeSeconds, e.EndTimeSeconds, frames[e.Start].FrameIndex, frames[e.End].FrameIndex, e.PeakDeg, frames[e.Peak].TimeSeconds, rep));
    }

    private int? RepContaining(int position)
    {
        for (int r = reps.Count - 1; r >= 0; r--)
        {
            if (reps[r].StartFrame <= frames[position].FrameIndex && frames[position].FrameIndex <= reps[r].EndFrame)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>The offline rep rule (hysteresis, minimum depth and duration) applied online to a trailing mean.</summary>
    private void SegmentReps(int position)
    {
        bool hinge = settings.Exercise == Exercise.Hinge;
        double start = hinge ? settings.HingeStartDeg : settings.RepStartDepthPct;
        double end = hinge ? settings.HingeEndDeg : settings.RepEndDepthPct;
        double minPeak = hinge ? settings.HingeMinPeakDeg : settings.RepMinDepthPct;
        double? smoothed = TrailingMean(position, hinge);
        repSignal.Add(smoothed);
        if (smoothed is not { } value)
        {
            return;
        }

        if (!inRep)
        {
            if (value >= start)
            {
                // The same motion-start rule as the offline RepSegmenter, on the trailing-smoothed signal.
                inRep = true;
                repStart = RepSegmenter.MotionStart(repSignal, lastRest, position, (start - end) / 2);
                repBottom = position;
                repPeak = value;
            }

            return;
        }

        if (value > repPeak)
        {
            repPeak = value;
            repBottom = position;
        }

        if (value > end)
        {
            return;
        }

        inRep = false;
        lastRest = position;
        if (repPeak >= minPeak && frames[position].TimeSeconds - frames[repStart].TimeSeconds >= settings.RepMinDurationSeconds)
        {
            reps.Add(BuildRep(new RepWindow(repStart, repBottom, position)));
        }
    }

    private double? TrailingMean(int position, bool hinge)
    {
        double since = frames[position].TimeSeconds - settings.SignalSmoothingSeconds;
        double sum = 0;
        int count = 0;
        for (int i = position; i >= 0 && frames[i].TimeSeconds >= since - 1e-9; i--)
        {
            if ((hinge ? metrics[i].TrunkFlexionDeg : metrics[i].DepthPct) is { } v)
            {
                sum += v;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }

    private Rep BuildRep(RepWindow window)
    {
        int index = reps.Count;
        var side = settings.StanceOverride ?? StanceLegDetector.ByLowerAnkle(ankleStance, window.Start, window.End);
        var exercise = settings.Exercise == Exercise.Hinge ? Exercise.Hinge : Exercise.SingleLegSquat;

        // The rep's own stance and hip-shift baseline, as the offline analysis computes them.
        var local = new List<FrameMetrics>(window.End - window.Start + 1);
        double? baseline = calculator.Compute(frames[window.Start], side, metrics[window.Start].Quality.FrameRateHz, previous: window.Start > 0 ? frames[window.Start - 1] : null).HipShiftPct;
        for (int i = window.Start; i <= window.End; i++)
        {
            local.Add(calculator.Compute(frames[i], side ?? metrics[i].Stance, metrics[i].Quality.FrameRateHz, baseline, index, metrics[i].InEvent, i > 0 ? frames[i - 1] : null));
        }

        var repEvents = ImmutableArray.CreateBuilder<ValgusEvent>();
        foreach (var e in events)
        {
            if (e.RepIndex == index)
            {
                repEvents.Add(e);
            }
        }

        var builder = new RepBuilder(local, settings);
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
        var seen = StandingReference.FromFrames(frames, settings.VisibilityGate, settings.FrameEdgeMargin);
        var now = calculator.Reference;
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
            calculator = new FrameMetricsCalculator(settings, grown);
        }
    }

    private static double? Longer(double? a, double? b) => (a, b) switch
    {
        ({ } x, { } y) => Math.Max(x, y),
        _ => a ?? b,
    };
}
