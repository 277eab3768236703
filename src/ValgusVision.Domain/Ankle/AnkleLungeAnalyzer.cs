using System.Collections.Immutable;
using System.Globalization;
using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// The weight-bearing lunge test (knee to wall, heel down) from a side view: which leg is in front (the tested one),
/// its shank's inclination per frame levelled by the floor line, the attempts (forward leans of the front shank),
/// heel lift per attempt, and per side the best attempt with the heel down and the verdict. Every reason a number
/// is missing becomes one plain line in <see cref="AnkleLungeResult.Problems"/>, never a guessed angle.
/// Deterministic, like the rest of the offline analysis.
/// </summary>
public static class AnkleLungeAnalyzer
{
    /// <summary>Below this share of the frames with a person showing the front foot, the feet count as out of frame.</summary>
    private const double MinFootFramesFraction = 0.5;

    public static AnkleLungeResult Analyze(IReadOnlyList<PoseFrame> frames, LungeAnalysisSettings analysis)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(analysis);
        var settings = analysis.Ankle;
        settings.Validate();
        var view = new LungeView(frames, analysis.VisibilityGate);
        var problems = ImmutableArray.CreateBuilder<string>();
        int n = frames.Count;
        var times = new double[n];
        var sideViews = new List<double>();
        int posed = 0, footFrames = 0;
        for (int i = 0; i < n; i++)
        {
            times[i] = frames[i].TimeSeconds;
            if (!frames[i].HasPose)
            {
                continue;
            }

            posed++;
            if (view.SideViewDeg(i) is { } deg)
            {
                sideViews.Add(deg);
            }

            footFrames += view.Front(i) is { } f && view.FootInFrame(i, f) ? 1 : 0;
        }

        double? sideView = Median(sideViews);
        if (posed == 0)
        {
            problems.Add("Lunge test: no person was found, so there is nothing to measure.");
            return Empty(settings, sideView, times, problems);
        }

        if (sideView is { } sv && sv < settings.MinSideViewDeg)
        {
            problems.Add(F($"Lunge test: the body faced the camera (turned {sv:0}° from a frontal view; side-on is 90°, the test needs at least {settings.MinSideViewDeg:0}°): no tibial angle is reported. Film from the side, phone on the floor."));
            return Empty(settings, sideView, times, problems);
        }

        if (footFrames < MinFootFramesFraction * posed)
        {
            problems.Add(F($"Lunge test: the feet were out of the frame or hidden (the front ankle, heel and toe were seen in {100.0 * footFrames / posed:0}% of the frames with a person): no tibial angle is reported. Keep both feet in the picture."));
            return Empty(settings, sideView, times, problems);
        }

        // Attempts: the front shank leaning forward beyond its own standing lean (per side: a person may turn round).
        var raw = new double?[n];
        var bySide = new[] { new List<double>(), new List<double>() };
        for (int i = 0; i < n; i++)
        {
            raw[i] = view.Front(i) is { } f ? view.Inclination(i, f, 0) : null;
            if (raw[i] is { } r)
            {
                bySide[(int)view.Front(i)!.Value].Add(r);
            }
        }

        double?[] standingLean = [Percentile(bySide[0], 0.10), Percentile(bySide[1], 0.10)];
        var rise = new double?[n];
        double maxRise = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            if (raw[i] is { } r && standingLean[(int)view.Front(i)!.Value] is { } b)
            {
                rise[i] = r - b;
                maxRise = Math.Max(maxRise, r - b);
            }
        }

        var smoothed = SignalSmoother.CentredMean(rise, times, analysis.SignalSmoothingSeconds);
        var windows = new RepSegmenter(settings.AttemptStartRiseDeg, settings.AttemptEndRiseDeg, settings.AttemptMinRiseDeg, settings.AttemptMinDurationSeconds)
            .Segment(smoothed, times);
        if (windows.Count == 0)
        {
            problems.Add(double.IsFinite(maxRise)
                ? F($"Lunge test: no forward lunge found — the front knee never travelled forward over the foot (the shank leaned at most {maxRise:0}° beyond standing; an attempt needs {settings.AttemptMinRiseDeg:0}°).")
                : "Lunge test: no forward lunge found — the front leg's knee and ankle were never both visible.");
            return Empty(settings, sideView, times, problems);
        }

        var attemptSides = new Side?[windows.Count];
        var inAttempt = new int?[n];
        for (int w = 0; w < windows.Count; w++)
        {
            attemptSides[w] = analysis.StanceOverride ?? view.MajorityFront(windows[w].Start, windows[w].End);
            for (int i = windows[w].Start; i <= windows[w].End; i++)
            {
                inAttempt[i] = w;
            }
        }

        var baselines = new FootBaseline?[2];
        foreach (var side in (ReadOnlySpan<Side>)[Side.Left, Side.Right])
        {
            baselines[(int)side] = FootBaseline.From(view, side, inAttempt, windows, attemptSides, settings);
        }

        // Per frame: the front leg's levelled angle and heel/ankle rises, for the chart and the attempts.
        var frameRows = new AnkleFrame[n];
        var heelRise = new double?[n];
        var ankleRise = new double?[n];
        for (int i = 0; i < n; i++)
        {
            var side = inAttempt[i] is { } w ? attemptSides[w] : view.Front(i);
            double? angle = null;
            if (side is { } s && baselines[(int)s] is { } baseline)
            {
                angle = view.Inclination(i, s, baseline.Floor.CorrectionDeg);
                heelRise[i] = baseline.HeelRisePct(view, i);
                ankleRise[i] = baseline.AnkleRisePct(view, i);
            }

            frameRows[i] = new AnkleFrame(times[i], side, angle, heelRise[i], ankleRise[i], false, inAttempt[i]);
        }

        var attempts = ImmutableArray.CreateBuilder<LungeAttempt>(windows.Count);
        int[] numbers = [0, 0];
        for (int w = 0; w < windows.Count; w++)
        {
            var window = windows[w];
            if (attemptSides[w] is not { } side)
            {
                problems.Add(F($"Lunge test: the lunge at {times[window.Start]:0.0} s had no clear front leg and is left out."));
                continue;
            }

            var attempt = MeasureAttempt(view, side, ++numbers[(int)side], window, baselines[(int)side], times, heelRise, ankleRise, settings, out var lifted);
            attempts.Add(attempt);
            for (int i = window.Start; i <= window.End; i++)
            {
                frameRows[i] = frameRows[i] with { HeelLifted = lifted[i - window.Start], AttemptIndex = attempts.Count - 1 };
            }
        }

        var all = attempts.ToImmutable();
        var left = SideResult(Side.Left, all, baselines[0], settings, problems);
        var right = SideResult(Side.Right, all, baselines[1], settings, problems);
        double? difference = left?.BestInclinationDeg is { } l && right?.BestInclinationDeg is { } r2 ? l - r2 : null;
        bool asymmetric = difference is { } d && Math.Abs(d) >= settings.AsymmetryDeg;
        return new AnkleLungeResult(
            settings, left, right, difference, asymmetric, DifferenceSentence(difference, settings), sideView, [.. frameRows], all, problems.ToImmutable());
    }

    private static LungeAttempt MeasureAttempt(
        LungeView view, Side side, int number, RepWindow window, FootBaseline? baseline, double[] times,
        double?[] heelRise, double?[] ankleRise, AnkleLungeSettings settings, out bool[] lifted)
    {
        int length = window.End - window.Start + 1;
        var heel = new double?[length];
        var ankle = new double?[length];
        int heelSeen = 0;
        for (int k = 0; k < length; k++)
        {
            heel[k] = heelRise[window.Start + k];
            ankle[k] = ankleRise[window.Start + k];
            heelSeen += heel[k] is null ? 0 : 1;
        }

        lifted = HeelLiftDetector.LiftedFrames(heel, ankle, settings);
        bool anyLift = Array.IndexOf(lifted, true) >= 0;
        double correction = baseline?.Floor.CorrectionDeg ?? 0;

        // Greatest forward knee travel: the knee's levelled position along the facing direction.
        int peak = -1, peakAny = -1;
        double best = double.NegativeInfinity, bestAny = double.NegativeInfinity;
        for (int k = 0; k < length; k++)
        {
            int i = window.Start + k;
            if (view.KneeTravel(i, side, correction) is not { } travel || view.Inclination(i, side, correction) is null)
            {
                continue;
            }

            if (travel > bestAny)
            {
                (bestAny, peakAny) = (travel, i);
            }

            if (!lifted[k] && travel > best)
            {
                (best, peak) = (travel, i);
            }
        }

        int peakFrame = anyLift ? (peakAny >= 0 ? peakAny : window.Bottom) : (peak >= 0 ? peak : window.Bottom);
        double? angle = null;
        string? problem = null;
        if (baseline is null)
        {
            problem = "no standing frame showed this foot, so heel lift cannot be checked";
        }
        else if (heelSeen * 2 < length)
        {
            problem = "the heel was not visible, so heel lift cannot be checked";
        }
        else if (anyLift)
        {
            problem = "heel lift";
        }
        else if (peak < 0)
        {
            problem = "the knee or ankle was not visible";
        }
        else
        {
            angle = view.Inclination(peak, side, correction);
        }

        return new LungeAttempt(
            side, number, window.Start, peakFrame, window.End, times[window.Start], times[peakFrame], times[window.End],
            angle, anyLift, Max(heel), Max(ankle), problem, angle is null ? null : view.LineOf(peak, side));
    }

    private static AnkleSideResult? SideResult(Side side, ImmutableArray<LungeAttempt> all, FootBaseline? baseline, AnkleLungeSettings settings, ImmutableArray<string>.Builder problems)
    {
        var mine = ImmutableArray.CreateBuilder<LungeAttempt>();
        LungeAttempt? best = null;
        foreach (var a in all)
        {
            if (a.Side != side)
            {
                continue;
            }

            mine.Add(a);
            if (a.IsValid && (best is null || a.InclinationDeg > best.InclinationDeg))
            {
                best = a;
            }
        }

        if (mine.Count == 0)
        {
            return null;
        }

        var floor = baseline?.Floor ?? FloorLine.Unknown;
        AddFloorProblem(side, floor, problems);
        foreach (var a in mine)
        {
            if (a.Problem is { } p && !a.HeelLift)
            {
                problems.Add(F($"Lunge test, {side.ToName()} attempt {a.Number}: {p}; no angle reported."));
            }
        }

        string name = side.ToTitle() + " ankle";
        if (best?.InclinationDeg is not { } deg)
        {
            int lifts = 0;
            foreach (var a in mine)
            {
                lifts += a.HeelLift ? 1 : 0;
            }

            string why = lifts > 0 ? F($" ({lifts} of {mine.Count} with heel lift)") : string.Empty;
            return new AnkleSideResult(side, mine.ToImmutable(), null, null, null, AnkleVerdict.NotMeasured,
                F($"{name}: no attempt with the heel down could be measured{why}."), floor);
        }

        double cm = deg / settings.DegreesPerCentimetre;
        var verdict = deg < settings.RestrictedBelowDeg ? AnkleVerdict.Restricted : AnkleVerdict.WithinNormal;
        string judged = verdict == AnkleVerdict.Restricted
            ? F($"restricted (below the {settings.RestrictedBelowDeg:0}° cut-off)")
            : F($"within normal (at or above the {settings.RestrictedBelowDeg:0}° cut-off)");
        return new AnkleSideResult(side, mine.ToImmutable(), deg, best.Number, cm, verdict,
            F($"{name}: best {deg:0.0}° tibial inclination (attempt {best.Number} of {mine.Count}; ≈ {cm:0.0} cm toe-to-wall, approximate) — {judged}."), floor);
    }

    private static void AddFloorProblem(Side side, FloorLine floor, ImmutableArray<string>.Builder problems)
    {
        string foot = side.ToName();
        switch (floor.Status)
        {
            case FloorTiltStatus.Corrected:
                problems.Add(F($"Lunge test: the camera was tilted {floor.TiltDeg:0.0}° (the floor line under the {foot} foot): the {foot} angles are corrected for it; level the phone next time."));
                break;
            case FloorTiltStatus.Unreliable:
                problems.Add(F($"Lunge test: the camera's tilt could not be read from the {foot} foot (floor line {floor.TiltDeg:0.0}°, varying by {floor.SpreadDeg:0.0}° while standing): the {foot} angles assume a level camera."));
                break;
            case FloorTiltStatus.Unknown:
                problems.Add(F($"Lunge test: no standing frame showed the {foot} foot's heel and toe: the {foot} angles assume a level camera."));
                break;
        }
    }

    private static string? DifferenceSentence(double? difference, AnkleLungeSettings settings)
    {
        if (difference is not { } d)
        {
            return null;
        }

        double cm = Math.Abs(d) / settings.DegreesPerCentimetre;
        string lesser = d < 0 ? "left" : "right";
        return Math.Abs(d) >= settings.AsymmetryDeg
            ? F($"Left–right difference {Math.Abs(d):0.0}° (≈ {cm:0.0} cm): beyond the {settings.AsymmetryDeg:0.0}° (1.5 cm) between-limb change that counts as real — the {lesser} ankle bends less.")
            : F($"Left–right difference {Math.Abs(d):0.0}° (≈ {cm:0.0} cm): within the {settings.AsymmetryDeg:0.0}° (1.5 cm) between-limb measurement error.");
    }

    private static AnkleLungeResult Empty(AnkleLungeSettings settings, double? sideView, double[] times, ImmutableArray<string>.Builder problems)
    {
        var rows = new AnkleFrame[times.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new AnkleFrame(times[i], null, null, null, null, false, null);
        }

        return new AnkleLungeResult(settings, null, null, null, false, null, sideView, [.. rows], [], problems.ToImmutable());
    }

    private static double? Max(double?[] values)
    {
        double? max = null;
        foreach (var v in values)
        {
            if (v is { } x && (max is null || x > max))
            {
                max = x;
            }
        }

        return max;
    }

    private static double? Median(List<double> values) => Percentile(values, 0.5);

    private static double? Percentile(List<double> values, double fraction) => Signals.Percentile.Of(values, fraction);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
