using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Compare;

/// <summary>
/// One leg of one recording with its trust: the numbers are always kept (the reports show them grey when
/// untrusted), but only a trusted leg is compared with the limit or with another leg.
/// </summary>
public sealed record LegReading(SessionRecord Session, LegMeasures Measures, MeasurementTrust Trust)
{
    public Side Side => Measures.Side;

    /// <summary>
    /// The recording's own trust, narrowed for this leg: a leg without a measured knee angle at any rep bottom is
    /// unknown even in a trusted recording.
    /// </summary>
    public static LegReading Of(SessionRecord session, Side side)
    {
        ArgumentNullException.ThrowIfNull(session);
        var measures = session.Leg(side);
        var trust = session.Trust;
        if (trust.IsTrusted && measures.FppaAtBottom.Mean is null)
        {
            trust = new MeasurementTrust(false, measures.Tested ? "no rep's knee angle was measured" : "this leg was not tested");
        }

        return new LegReading(session, measures, trust);
    }
}
