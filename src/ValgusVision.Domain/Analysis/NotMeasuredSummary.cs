using ValgusVision.Domain.Pose;
namespace ValgusVision.Domain.Analysis;

/// <summary>Adds to a session's summary how much of it could not be measured, and why.</summary>
public static class NotMeasuredSummary
{
    /// <summary>
    /// With no rep found, the recording counts as not measured when in more than half of its frames neither knee had
    /// an angle: "0 reps, 0 valgus events" would then only say the legs could not be seen.
    /// </summary>
    public const double UnmeasuredFrameShare = 0.5;

    public static SessionSummary Apply(SessionSummary summary, IReadOnlyList<Rep> reps, IReadOnlyList<FrameMetrics> frames)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(reps);
        ArgumentNullException.ThrowIfNull(frames);
        Span<int> counts = stackalloc int[Enum.GetValues<NotMeasuredReason>().Length];
        int notMeasured = 0;
        foreach (var rep in reps)
        {
            if (rep.NotMeasured is { } r)
            {
                notMeasured++;
                counts[(int)r]++;
            }
        }

        if (reps.Count == 0 && frames.Count > 0)
        {
            int unmeasured = 0;
            foreach (var f in frames)
            {
                var left = NotMeasuredReasons.From(f.Quality.LeftFppaStatus);
                var right = NotMeasuredReasons.From(f.Quality.RightFppaStatus);
                if (left is { } l && right is { } r)
                {
                    unmeasured++;

                    // The leg the frame stands on, when known, says why; else the left one.
                    counts[(int)(f.Stance == Side.Right ? r : l)]++;
                }
            }

            if (unmeasured <= UnmeasuredFrameShare * frames.Count)
            {
                return summary with { RepsNotMeasured = 0, NotMeasured = null };
            }
        }
        else if (notMeasured == 0)
        {
            return summary with { RepsNotMeasured = 0, NotMeasured = null };
        }

        int best = 0;
        for (int i = 1; i < counts.Length; i++)
        {
            best = counts[i] > counts[best] ? i : best;
        }

        return summary with { RepsNotMeasured = notMeasured, NotMeasured = (NotMeasuredReason)best };
    }
}
