using System.Collections.Immutable;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// What the hip-point estimator (<c>--hip-centre</c>) did over a session, counted once for report.json and the
/// session's warning: frames it moved the hips on and, per reason, frames it kept the model's.
/// </summary>
/// <param name="Moved">Frames with a pose on which the hips were moved.</param>
/// <param name="Kept">Frames with a pose on which the model's hips were kept, by reason (in the enum's order).</param>
public sealed record HipPointCounts(int Moved, ImmutableSortedDictionary<HipPointIssue, int> Kept)
{
    public int KeptTotal => Kept.Values.Sum();

    /// <summary>The counts over <paramref name="frames"/>; null when no estimator was asked for on any of them.</summary>
    public static HipPointCounts? Of(IEnumerable<FrameMetrics> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        int moved = 0;
        bool asked = false;
        var kept = ImmutableSortedDictionary.CreateBuilder<HipPointIssue, int>();
        foreach (var frame in frames)
        {
            var hips = frame.Quality.Hips;
            asked |= hips.Asked;
            if (hips.Moved)
            {
                moved++;
            }
            else if (hips.Kept)
            {
                kept[hips.Issue] = kept.GetValueOrDefault(hips.Issue) + 1;
            }
        }

        return asked ? new HipPointCounts(moved, kept.ToImmutable()) : null;
    }
}
