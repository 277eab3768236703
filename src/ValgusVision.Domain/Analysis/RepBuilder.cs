using System.Collections.Immutable;
using System.Globalization;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Analysis;

/// <summary>Reads one rep's numbers, quality and verdict off the session's final per-frame metrics.</summary>
internal sealed class RepBuilder(IReadOnlyList<FrameMetrics> metrics, AnalysisSettings settings)
{
    /// <param name="previousEnd">End position of the previous rep (or 0): a hip hitch's range starts from there.</param>
    /// <param name="feet">The rep's feet for a double-leg squat or forward lunge (<see cref="FeetPlacement"/>).</param>
    public Rep Build(int index, Exercise exercise, Side? side, RepWindow window, int previousEnd, ImmutableArray<ValgusEvent> events, RepFeet? feet = null)
    {
        var bottom = metrics[window.Bottom];
        double? peakFppa = null, peakShift = null, peakShiftChange = null, peakShiftCm = null, peakDrop = null, peakKneeOverFoot = null, peakFlexion = null, depth = null;
        for (int i = window.Start; i <= window.End; i++)
        {
            var m = metrics[i];
            peakFppa = Max(peakFppa, side is { } s ? m.FppaDeg(s) : null);
            peakShift = Max(peakShift, m.HipShiftPct);
            peakShiftChange = Max(peakShiftChange, m.HipShiftChangePct);
            peakShiftCm = Max(peakShiftCm, m.HipShiftCm);
            peakDrop = Max(peakDrop, m.PelvicDropDeg);
            peakKneeOverFoot = Max(peakKneeOverFoot, m.KneeOverFootPct);
            peakFlexion = Max(peakFlexion, m.TrunkFlexionDeg);
            depth = Max(depth, m.DepthPct);
        }

        var rep = new Rep(
            index,
            exercise,
            side,
            metrics[window.Start].TimeSeconds,
            bottom.TimeSeconds,
            metrics[window.End].TimeSeconds,
            metrics[window.Start].FrameIndex,
            bottom.FrameIndex,
            metrics[window.End].FrameIndex,
            depth,
            side is { } sb ? bottom.FppaDeg(sb) : null,
            peakFppa,
            ValgusShiftAtDepth(window),
            peakShift,
            peakShiftChange,
            peakShiftCm,
            peakDrop,
            peakKneeOverFoot,
            bottom.TrunkLeanDeg,
            peakFlexion,
            side is { } st ? bottom.Quality.Foreshortening.ThighRatio(st) : null,
            events,
            Quality(exercise, side, window, feet),
            exercise == Exercise.HipHitch ? HipHitch(window, previousEnd) : null,
            exercise == Exercise.DropJump ? Landing(window) : null,
            string.Empty);
        if (feet is not null && exercise is Exercise.DoubleLegSquat or Exercise.ForwardLunge)
        {
            rep = rep with { BothKnees = BothKneesMeasures.Read(exercise, metrics, window, feet) };
        }

        // A lunge is measured on its front knee; which leg led comes from the feet, not from a stance leg.
        Side? measured = side ?? (exercise == Exercise.ForwardLunge ? rep.BothKnees?.LeadLeg : null);
        rep = rep with { NotMeasured = NotMeasured(exercise, measured, bottom) };

        return rep with { Verdict = RepVerdict.Write(rep, settings), FootCollapsePct = FootCollapse(side, window, depth) };
    }

    /// <summary>
    /// The bottom frame decides: the measured leg's status there (a landing's or a double-leg squat's both knees; a
    /// rep whose leg is unknown, both legs or else the unknown stance).
    /// </summary>
    private static NotMeasuredReason? NotMeasured(Exercise exercise, Side? side, FrameMetrics bottom)
    {
        var left = NotMeasuredReasons.From(bottom.Quality.LeftFppaStatus);
        var right = NotMeasuredReasons.From(bottom.Quality.RightFppaStatus);
        if (side is { } s)
        {
            return s == Side.Left ? left : right;
        }

        if (exercise is Exercise.DropJump or Exercise.DoubleLegSquat)
        {
            // Both knees are read: the rep says something while either one is measured.
            return left is not null && right is not null ? left : null;
        }

        // A lunge whose front leg could not be told has no stance to blame; its knees' own status says it.
        return exercise == Exercise.ForwardLunge ? left ?? right : left ?? right ?? NotMeasuredReason.StanceUnknown;
    }

    /// <summary>
    /// The stance ankle's offset over its foot base at the rep's deepest frames (depth within 10 % of the rep's) minus
    /// its median while standing (frames outside every rep on the same stance leg). Means over frames: the proxy moves
    /// 1–2 px, about the mask's frame-to-frame noise, so single frames would not tell.
    /// </summary>
    private double? FootCollapse(Side? side, RepWindow window, double? depth)
    {
        if (side is not { } s || depth is not { } d)
        {
            return null;
        }

        _standing ??= StandingAnkleOverBase();
        if (_standing[(int)s] is not { } baseline)
        {
            return null;
        }

        double sum = 0;
        int n = 0;
        for (int i = window.Start; i <= window.End; i++)
        {
            if (metrics[i].DepthPct >= 0.9 * d && metrics[i].AnkleOverFootBasePct is { } v)
            {
                sum += v;
                n++;
            }
        }

        return n > 0 ? (sum / n) - baseline : null;
    }

    private double?[]? _standing;

    private double?[] StandingAnkleOverBase()
    {
        var values = new[] { new List<double>(), new List<double>() };
        foreach (var m in metrics)
        {
            if (m.RepIndex is null && m.Stance is { } st && m.AnkleOverFootBasePct is { } v)
            {
                values[(int)st].Add(v);
            }
        }

        return [Percentile.Of(values[0], 0.5), Percentile.Of(values[1], 0.5)];
    }

    /// <summary>
    /// Knee valgus shift when depth first passes the fixed depth on the way down, interpolated between the two frames
    /// around the crossing so the reading does not depend on the frame rate.
    /// </summary>
    private double? ValgusShiftAtDepth(RepWindow window)
    {
        double level = settings.ValgusShiftDepthPct;
        for (int i = window.Start; i <= window.Bottom; i++)
        {
            if (metrics[i].DepthPct is not { } d || d < level)
            {
                continue;
            }

            var here = metrics[i].KneeValgusShiftPct;
            if (i > window.Start && metrics[i - 1] is { DepthPct: { } d0, KneeValgusShiftPct: { } s0 } && d0 < level && here is { } s1 && d != d0)
            {
                return s0 + ((s1 - s0) * (level - d0) / (d - d0));
            }

            return here;
        }

        return null;
    }

    private RepQuality Quality(Exercise exercise, Side? side, RepWindow window, RepFeet? feet)
    {
        float minVisibility = 1;
        double? maxOffAxis = null;
        int hidden = 0, swaps = 0, frames = 0, kept = 0;
        var rates = new double?[window.End - window.Start + 1];
        for (int i = window.Start; i <= window.End; i++)
        {
            var m = metrics[i];
            frames++;
            rates[i - window.Start] = m.Quality.FrameRateHz;
            float visibility = side is { } s ? m.Quality.LegVisibility(s) : Math.Min(m.Quality.LeftLegVisibility, m.Quality.RightLegVisibility);
            minVisibility = Math.Min(minVisibility, visibility);
            if (visibility < settings.VisibilityGate)
            {
                hidden++;
            }

            // The steady angle, not the frame's own: one flipped frame of world landmarks is not a turned body.
            maxOffAxis = Max(maxOffAxis, SteadyOffAxis.At(metrics, i));

            if (m.Quality.LegSwapSuspected)
            {
                swaps++;
            }

            if (side is { } measured ? m.Quality.Refinement.KeptOn(measured) : m.Quality.Refinement.Flagged)
            {
                kept++;
            }
        }

        double? fps = FrameRates.Median(rates, 0, rates.Length - 1);
        var issues = ImmutableArray.CreateBuilder<string>();
        if (side is null && exercise == Exercise.ForwardLunge)
        {
            issues.Add("which leg was in front could not be told; use --side");
        }
        else if (side is null && exercise is not (Exercise.DropJump or Exercise.DoubleLegSquat))
        {
            issues.Add("the standing leg could not be told (neither foot clearly off the floor); use --side");
        }

        if (feet is { BothDown: false, Note: { } feetNote })
        {
            // Asked for a both-feet exercise, but this rep was not done on both feet (or they were not seen).
            issues.Add(feetNote);
        }

        if (maxOffAxis is { } off && off > settings.ViewWarningYawDeg)
        {
            issues.Add(F($"the body was turned up to {off:0}° from the camera, so the 2D angle may mislead"));
        }

        if (hidden * 5 > frames)
        {
            issues.Add(F($"the leg was hard to see in {100.0 * hidden / frames:0}% of the rep's frames"));
        }

        if (fps is { } rate && rate < settings.MinFrameRateHz)
        {
            issues.Add(F($"the video ran at only {rate:0} frames per second"));
        }

        if (swaps > 0)
        {
            issues.Add(F($"left and right legs may have been swapped in {swaps} frame(s)"));
        }

        return new RepQuality(minVisibility, maxOffAxis, fps, issues.ToImmutable(), kept);
    }

    private HipHitchMeasures HipHitch(RepWindow window, int previousEnd)
    {
        double? low = null, high = null, top = null;
        for (int i = previousEnd; i <= window.End; i++)
        {
            if (metrics[i].PelvicDropDeg is { } drop)
            {
                low = Min(low, drop);
                high = Max(high, drop);
            }
        }

        for (int i = window.Start; i <= window.End; i++)
        {
            if (metrics[i].PelvicDropDeg is { } drop)
            {
                top = Max(top, -drop);
            }
        }

        // Held at the top: total time (frame to frame) the pelvis stayed within the tolerance of its highest lift.
        double held = 0;
        if (top is { } peak)
        {
            for (int i = window.Start; i < window.End; i++)
            {
                if (metrics[i].PelvicDropDeg is { } drop && -drop >= peak - settings.HitchHoldToleranceDeg)
                {
                    held += metrics[i + 1].TimeSeconds - metrics[i].TimeSeconds;
                }
            }
        }

        return new HipHitchMeasures(high - low, held, top);
    }

    private DropLandingMeasures Landing(RepWindow window)
    {
        var contact = metrics[window.Start];
        var peak = metrics[window.Bottom];
        return new DropLandingMeasures(
            contact.TimeSeconds,
            contact.FrameIndex,
            peak.TimeSeconds,
            peak.FrameIndex,
            contact.LeftFppaDeg,
            contact.RightFppaDeg,
            peak.LeftFppaDeg,
            peak.RightFppaDeg,
            contact.KneeAnkleSeparationRatio,
            peak.KneeAnkleSeparationRatio);
    }

    private static double? Max(double? a, double? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => Math.Max(a.Value, b.Value),
    };

    private static double? Min(double? a, double? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => Math.Min(a.Value, b.Value),
    };

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
