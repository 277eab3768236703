using System.Collections.Immutable;
using System.Globalization;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// The offline analysis of a whole recording: standing reference, per-frame metrics, the exercise, reps, stance leg
/// per rep, valgus events, per-rep verdicts and the session summary. Deterministic: the same frames and settings
/// always give the same result (which is what lets <c>valgus reanalyze</c> reproduce an analysis from its CSV).
/// </summary>
public static class SessionAnalyzer
{
    /// <summary>How <see cref="SessionAnalysis.ExerciseReason"/> begins when <see cref="Exercise.Auto"/> decided from the motion.</summary>
    public const string DetectedPrefix = "detected: ";

    public static SessionAnalysis Analyze(IReadOnlyList<PoseFrame> frames, AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var times = new double[frames.Count];
        for (int i = 0; i < frames.Count; i++)
        {
            times[i] = frames[i].TimeSeconds;
            if (!double.IsFinite(times[i]) || (i > 0 && times[i] < times[i - 1]))
            {
                throw new ArgumentException(
                    F($"frames: frame {frames[i].FrameIndex} has time {times[i]} s, not after the previous frame's {(i > 0 ? times[i - 1] : 0)} s"),
                    nameof(frames));
            }
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        var reference = StandingReference.FromFrames(frames, settings.VisibilityGate, settings.FrameEdgeMargin);
        var calculator = new FrameMetricsCalculator(settings, reference);
        var rates = FrameRates.Instantaneous(times);
        double? sessionFps = FrameRates.Median(rates, 0, rates.Length - 1);

        // Per-frame stance from the ankles, and a session-wide stance for the pelvis signal of a hip hitch.
        var ankleStance = new Side?[frames.Count];
        int posedAnkles = 0, singleLeg = 0;
        for (int i = 0; i < frames.Count; i++)
        {
            ankleStance[i] = calculator.StanceFromAnkles(frames[i]);
            if (frames[i].HasPose)
            {
                posedAnkles++;
                singleLeg += ankleStance[i] is null ? 0 : 1;
            }
        }

        Side? hitchStance = settings.StanceOverride ?? StanceLegDetector.ByStillerAnkle(frames, 0, frames.Count - 1, settings.VisibilityGate);
        Side? squatStance = settings.StanceOverride ?? StanceLegDetector.ByLowerAnkle(ankleStance, 0, frames.Count - 1);

        // First pass: metrics that do not depend on reps (FPPA, depth, trunk flexion; pelvis with the session stance).
        var provisional = new FrameMetrics[frames.Count];
        for (int i = 0; i < frames.Count; i++)
        {
            provisional[i] = calculator.Compute(frames[i], hitchStance ?? squatStance, rates[i], previous: i > 0 ? frames[i - 1] : null);
        }

        var depth = Column(provisional, m => m.DepthPct);
        var landings = DropLandingDetector.Detect(frames, depth, reference, settings);
        var depthWindows = Segment(depth, times, settings.RepStartDepthPct, settings.RepEndDepthPct, settings.RepMinDepthPct, settings);
        var depthFeet = new RepFeet[depthWindows.Count];
        for (int r = 0; r < depthWindows.Count; r++)
        {
            depthFeet[r] = FeetPlacement.ForRep(frames, depth, depthWindows[r], reference, settings.VisibilityGate);
        }

        var (exercise, reason) = ResolveExercise(settings, frames, provisional, posedAnkles == 0 ? 0 : (double)singleLeg / posedAnkles, landings.Count, depthFeet, warnings);
        bool bothFeet = exercise is Exercise.DoubleLegSquat or Exercise.ForwardLunge;

        var windows = exercise switch
        {
            Exercise.DropJump => landings,
            // The lunge test has attempts, not reps: Domain/Ankle finds them from the front shank's lean.
            Exercise.AnkleLunge => [],
            Exercise.Hinge => Segment(Column(provisional, m => m.TrunkFlexionDeg), times, settings.HingeStartDeg, settings.HingeEndDeg, settings.HingeMinPeakDeg, settings),
            Exercise.HipHitch => Segment(Column(provisional, m => -m.PelvicDropDeg), times, settings.HitchStartDeg, settings.HitchEndDeg, settings.HitchMinPeakDeg, settings),
            _ => depthWindows,
        };

        // Stance per rep, then per frame: the rep's stance inside reps, the ankles' (or the session's) between them.
        var repSides = new Side?[windows.Count];
        var repOfPosition = new int?[frames.Count];
        var frameStance = new Side?[frames.Count];
        for (int i = 0; i < frames.Count; i++)
        {
            frameStance[i] = settings.StanceOverride ?? (exercise == Exercise.HipHitch ? hitchStance : ankleStance[i]);
        }

        for (int r = 0; r < windows.Count; r++)
        {
            var w = windows[r];
            repSides[r] = exercise switch
            {
                Exercise.DropJump or Exercise.DoubleLegSquat => null,
                _ when settings.StanceOverride is { } forced => forced,
                // The front leg, from the feet at the bottom; unknown stays unknown (the rep says so).
                Exercise.ForwardLunge => depthFeet[r].Lead,
                Exercise.HipHitch => StanceLegDetector.ByStillerAnkle(frames, r == 0 ? 0 : windows[r - 1].End, w.End, settings.VisibilityGate) ?? hitchStance,
                // A rep whose own frames give no clear majority (e.g. the free foot hanging behind the body in an
                // oblique view, level with the stance foot) takes the whole session's stance leg.
                _ => StanceLegDetector.ByLowerAnkle(ankleStance, w.Start, w.End) ?? squatStance,
            };
            for (int i = w.Start; i <= w.End; i++)
            {
                repOfPosition[i] = r;
                frameStance[i] = repSides[r] ?? frameStance[i];
            }
        }

        // Events from FPPA (stance-independent); single-leg exercises keep only the standing knee's, a lunge the front knee's.
        var rawEvents = new List<(Side Side, DetectedEvent Event)>();
        var detector = ValgusEventDetector.From(settings);
        foreach (var side in (ReadOnlySpan<Side>)[Side.Left, Side.Right])
        {
            foreach (var e in detector.Detect(Column(provisional, m => m.FppaDeg(side)), times))
            {
                if (exercise is Exercise.DropJump or Exercise.DoubleLegSquat || frameStance[e.Peak] is null || frameStance[e.Peak] == side)
                {
                    rawEvents.Add((side, e));
                }
            }
        }

        rawEvents.Sort((a, b) => a.Event.StartTimeSeconds.CompareTo(b.Event.StartTimeSeconds));
        var inEvent = new bool[frames.Count];
        var events = ImmutableArray.CreateBuilder<ValgusEvent>(rawEvents.Count);
        foreach (var (side, e) in rawEvents)
        {
            for (int i = e.Start; i <= e.End; i++)
            {
                inEvent[i] = true;
            }

            events.Add(new ValgusEvent(side, e.StartTimeSeconds, e.EndTimeSeconds, frames[e.Start].FrameIndex, frames[e.End].FrameIndex, e.PeakDeg, times[e.Peak], repOfPosition[e.Peak]));
        }

        // Final pass: every metric with its frame's stance, rep, hip-shift baseline and event flag.
        var metrics = new FrameMetrics[frames.Count];
        var repStartShift = new double?[windows.Count];
        for (int r = 0; r < windows.Count; r++)
        {
            var start = windows[r].Start;
            repStartShift[r] = calculator.Compute(frames[start], frameStance[start], rates[start], previous: start > 0 ? frames[start - 1] : null).HipShiftPct;
        }

        for (int i = 0; i < frames.Count; i++)
        {
            int? rep = repOfPosition[i];
            metrics[i] = calculator.Compute(frames[i], frameStance[i], rates[i], rep is { } r ? repStartShift[r] : null, rep, inEvent[i], i > 0 ? frames[i - 1] : null);
        }

        var builder = new RepBuilder(metrics, settings);
        var reps = ImmutableArray.CreateBuilder<Rep>(windows.Count);
        var allEvents = events.ToImmutable();
        for (int r = 0; r < windows.Count; r++)
        {
            var repEvents = ImmutableArray.CreateBuilder<ValgusEvent>();
            foreach (var e in allEvents)
            {
                if (e.RepIndex == r)
                {
                    repEvents.Add(e);
                }
            }

            reps.Add(builder.Build(r, exercise, repSides[r], windows[r], r == 0 ? 0 : windows[r - 1].End, repEvents.ToImmutable(), bothFeet ? depthFeet[r] : null));
        }

        var ankle = exercise == Exercise.AnkleLunge ? Ankle.AnkleLungeAnalyzer.Analyze(frames, settings.Lunge) : null;
        if (ankle is not null)
        {
            warnings.AddRange(ankle.Problems);
        }

        AddSessionWarnings(warnings, frames, metrics, reps.Count, exercise, sessionFps, settings);
        double duration = frames.Count > 0 ? times[^1] - times[0] : 0;
        var summary = SessionSummarizer.Summarize(exercise, reps, allEvents, sessionFps, duration);
        summary = summary with { PeopleSeen = PeopleSeen(frames) };
        if (SubjectLockWarning.Describe(frames, summary.PeopleSeen) is { } lockWarning)
        {
            warnings.Add(lockWarning);
        }

        if (exercise != Exercise.AnkleLunge)
        {
            summary = NotMeasuredSummary.Apply(summary, reps, metrics);
            if (summary.NotMeasured is { } why && reps.Count == 0)
            {
                warnings.Add("Not measured: " + why.Describe() + ".");
            }
            else if (summary.RepsNotMeasured > 0)
            {
                warnings.Add(F($"{summary.RepsNotMeasured} of {reps.Count} reps not measured: {summary.NotMeasured?.Describe()}."));
            }
        }

        return new SessionAnalysis(settings, exercise, reason, reference, [.. metrics], reps.ToImmutable(), allEvents, summary, warnings.ToImmutable(), ankle);
    }

    private static (Exercise Exercise, string Reason) ResolveExercise(
        AnalysisSettings settings, IReadOnlyList<PoseFrame> frames, FrameMetrics[] provisional, double singleLegFraction, int landings, RepFeet[] depthFeet, ImmutableArray<string>.Builder warnings)
    {
        if (settings.Exercise != Exercise.Auto)
        {
            return (settings.Exercise, "chosen by the user");
        }

        var decision = ExerciseClassifier.Classify(provisional, singleLegFraction, landings, settings, Ankle.LungeCue.Measure(frames, settings.Lunge), depthFeet);
        if (decision.Exercise is { } chosen)
        {
            return (chosen, DetectedPrefix + decision.Reason);
        }

        warnings.Add($"Could not tell the exercise from the motion: {decision.Reason}. Analysed as a single-leg squat; choose with --exercise.");
        return (Exercise.SingleLegSquat, "undecided (" + decision.Reason + "); analysed as a single-leg squat");
    }

    private static IReadOnlyList<RepWindow> Segment(double?[] signal, double[] times, double start, double end, double minPeak, AnalysisSettings settings)
    {
        var smoothed = SignalSmoother.CentredMean(signal, times, settings.SignalSmoothingSeconds);
        return new RepSegmenter(start, end, minPeak, settings.RepMinDurationSeconds).Segment(smoothed, times);
    }

    private static double?[] Column(FrameMetrics[] metrics, Func<FrameMetrics, double?> select)
    {
        var column = new double?[metrics.Length];
        for (int i = 0; i < metrics.Length; i++)
        {
            column[i] = select(metrics[i]);
        }

        return column;
    }

    private static void AddSessionWarnings(ImmutableArray<string>.Builder warnings, IReadOnlyList<PoseFrame> frames, FrameMetrics[] metrics, int reps, Exercise exercise, double? fps, AnalysisSettings settings)
    {
        if (frames.Count == 0)
        {
            warnings.Add("No frames to analyse.");
            return;
        }

        int noPose = 0, offAxis = 0, swaps = 0;
        foreach (var m in metrics)
        {
            noPose += m.HasPose ? 0 : 1;
            offAxis += m.Quality.ViewWarning ? 1 : 0;
            swaps += m.Quality.LegSwapSuspected ? 1 : 0;
        }

        if (noPose * 10 > frames.Count)
        {
            warnings.Add(F($"No person found in {100.0 * noPose / frames.Count:0}% of the frames."));
        }

        // A side view is what the lunge test needs: its own check (Domain/Ankle) warns about a frontal one.
        if (offAxis * 10 > frames.Count && exercise != Exercise.AnkleLunge)
        {
            warnings.Add(F($"The body was turned more than {settings.ViewWarningYawDeg:0}° from the camera in {100.0 * offAxis / frames.Count:0}% of the frames: face the camera squarely for a trustworthy FPPA."));
        }

        if (swaps > 0)
        {
            warnings.Add(F($"The pose engine suspected swapped legs in {swaps} frame(s)."));
        }

        if (fps is { } rate && rate < settings.MinFrameRateHz)
        {
            warnings.Add(F($"The video runs at {rate:0} frames per second, below {settings.MinFrameRateHz:0}: short valgus events may be missed."));
        }

        if (reps == 0 && exercise != Exercise.AnkleLunge)
        {
            warnings.Add($"No {exercise.ToTitle()} reps found.");
        }
    }

    private static int? PeopleSeen(IReadOnlyList<PoseFrame> frames)
    {
        int? most = null;
        foreach (var f in frames)
        {
            if (f.PeopleDetected is { } n)
            {
                most = Math.Max(most ?? 0, n);
            }
        }

        return most;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
