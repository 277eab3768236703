using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>Per-side statistics over the reps and the left–right asymmetry (docs/metrics.md).</summary>
public static class SessionSummarizer
{
    /// <summary>Smallest mean FPPA difference for which one side is called the worse one.</summary>
    public const double WorseSideMinDiffDeg = 1.0;

    public static SessionSummary Summarize(Exercise exercise, IReadOnlyList<Rep> reps, IReadOnlyList<ValgusEvent> events, double? frameRateHz, double durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(reps);
        ArgumentNullException.ThrowIfNull(events);
        var left = ForSide(Side.Left, exercise, reps, events);
        var right = ForSide(Side.Right, exercise, reps, events);
        double? fppaDiff = right.FppaAtBottom.Mean - left.FppaAtBottom.Mean;
        double? shiftDiff = right.PeakHipShift.Mean - left.PeakHipShift.Mean;
        Side? worse = fppaDiff is { } d && Math.Abs(d) >= WorseSideMinDiffDeg ? (d > 0 ? Side.Right : Side.Left) : null;
        return new SessionSummary(exercise, reps.Count, events.Count, left, right, new Asymmetry(fppaDiff, shiftDiff, worse), frameRateHz, durationSeconds);
    }

    private static SideSummary ForSide(Side side, Exercise exercise, IReadOnlyList<Rep> reps, IReadOnlyList<ValgusEvent> events)
    {
        var atBottom = new List<double?>();
        var peak = new List<double?>();
        var shift = new List<double?>();
        var valgusShift = new List<double?>();
        int count = 0, withEvents = 0;
        foreach (var rep in reps)
        {
            bool both = exercise == Exercise.DropJump && rep.Landing is not null;
            bool squat = exercise == Exercise.DoubleLegSquat && rep.BothKnees is not null;
            if (rep.Side != side && !both && !squat)
            {
                continue;
            }

            count++;
            if (squat)
            {
                // A double-leg squat loads both knees: each rep counts for both sides (no stance leg, so no hip shift).
                atBottom.Add(rep.BothKnees!.FppaAtBottomDeg(side));
                peak.Add(rep.BothKnees.PeakFppaDeg(side));
            }
            else if (both)
            {
                // A landing loads both knees: its peak-flexion angle is the "bottom", the larger of contact and peak flexion its peak.
                var landing = rep.Landing!;
                atBottom.Add(landing.FppaAtPeakFlexionDeg(side));
                peak.Add(MaxOf(landing.FppaAtContactDeg(side), landing.FppaAtPeakFlexionDeg(side)));
            }
            else
            {
                atBottom.Add(rep.FppaAtBottomDeg);
                peak.Add(rep.PeakFppaDeg);
                shift.Add(rep.PeakHipShiftPct);
                valgusShift.Add(rep.KneeValgusShiftPct);
            }

            foreach (var e in rep.Events)
            {
                if (e.Side == side)
                {
                    withEvents++;
                    break;
                }
            }
        }

        int eventCount = 0;
        foreach (var e in events)
        {
            if (e.Side == side)
            {
                eventCount++;
            }
        }

        return new SideSummary(side, count, MetricStats.Of(atBottom), MetricStats.Of(peak), MetricStats.Of(shift), MetricStats.Of(valgusShift), eventCount, withEvents);
    }

    private static double? MaxOf(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
