using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Truth;

/// <summary>
/// A rendered clip's exact truth, one <see cref="TruthFrame"/> per video frame in order (frame i at index i). The
/// clip has one stance leg, the one its rows name; its reps are numbered 1 to <see cref="RepCount"/>.
/// </summary>
public sealed record SampleTruth(string SourceName, Side StanceLeg, int RepCount, ImmutableArray<TruthFrame> Frames)
{
    /// <summary>The first and last frame of rep <paramref name="rep"/> (1-based), or null when the clip has no such rep.</summary>
    public (int First, int Last)? RepSpan(int rep)
    {
        int first = -1, last = -1;
        foreach (var frame in Frames)
        {
            if (frame.Rep == rep)
            {
                first = first < 0 ? frame.Frame : first;
                last = frame.Frame;
            }
        }

        return first < 0 ? null : (first, last);
    }
}
