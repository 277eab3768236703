using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Compare;

/// <summary>
/// One leg over the sessions: how many tested it and how many of those can be trusted, and the change of the mean
/// FPPA at the bottom from the first trusted session to the last (untrusted sessions are left out, never guessed).
/// </summary>
/// <param name="Side">The leg.</param>
/// <param name="TestedSessions">Sessions with reps on this leg.</param>
/// <param name="TrustedSessions">Of those, sessions whose knee angle may be compared.</param>
/// <param name="First">The first trusted session of this leg; null without one.</param>
/// <param name="Last">The last trusted session; null unless there are two.</param>
/// <param name="ChangeDeg">Last minus first mean FPPA at the bottom (negative: the knee caves in less); null unless two trusted sessions.</param>
public sealed record LegProgress(Side Side, int TestedSessions, int TrustedSessions, ProgressSession? First, ProgressSession? Last, double? ChangeDeg)
{
    public static LegProgress Of(Side side, IReadOnlyList<ProgressSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var tested = sessions.Where(s => Leg(s, side).Measures.Tested).ToList();
        var trusted = tested.Where(s => Leg(s, side).Trust.IsTrusted).ToList();
        var first = trusted.FirstOrDefault();
        var last = trusted.Count > 1 ? trusted[^1] : null;
        double? change = last is null ? null : Leg(last, side).Measures.FppaAtBottom.Mean - Leg(first!, side).Measures.FppaAtBottom.Mean;
        return new LegProgress(side, tested.Count, trusted.Count, first, last, change);
    }

    public static LegReading Leg(ProgressSession session, Side side)
    {
        ArgumentNullException.ThrowIfNull(session);
        return side == Side.Left ? session.Left : session.Right;
    }
}
