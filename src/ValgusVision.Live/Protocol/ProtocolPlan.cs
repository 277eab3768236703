using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Protocol;

/// <summary>The sets of a guided session, in order.</summary>
public static class ProtocolPlan
{
    /// <summary>
    /// The program's prescription (issue 6): hip hitch 1 × 5 reps with a 5 s hold at the top, 1-leg hinge 1 min per
    /// side, 1-leg squat 2 sets × 1 min per side. Legs alternate set by set, so each leg rests while the other works.
    /// </summary>
    public static ImmutableArray<ProtocolStep> Standard(Side firstSide)
    {
        var second = firstSide.Opposite();
        return
        [
            new(Exercise.HipHitch, firstSide, 1, 1, null, 5, 5.0),
            new(Exercise.HipHitch, second, 1, 1, null, 5, 5.0),
            new(Exercise.Hinge, firstSide, 1, 1, 60.0, null, null),
            new(Exercise.Hinge, second, 1, 1, 60.0, null, null),
            new(Exercise.SingleLegSquat, firstSide, 1, 2, 60.0, null, null),
            new(Exercise.SingleLegSquat, second, 1, 2, 60.0, null, null),
            new(Exercise.SingleLegSquat, firstSide, 2, 2, 60.0, null, null),
            new(Exercise.SingleLegSquat, second, 2, 2, 60.0, null, null),
        ];
    }
}
