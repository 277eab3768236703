using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Truth;

/// <summary>One row of a sample's truth CSV (samples/README.md): the true joint centres and metrics of one video frame.</summary>
/// <param name="Stance">The stance leg; null while both feet are on the floor.</param>
/// <param name="Rep">1-based rep this frame belongs to; 0 outside reps.</param>
/// <param name="HipShiftPct">Stance hip's offset from the stance ankle, % of the stance leg's image length, lateral positive.</param>
/// <param name="DepthPct">Mid-hip drop below its height at the rep's start, same units.</param>
public sealed record TruthFrame(
    int Frame,
    double TimeSeconds,
    Side? Stance,
    int Rep,
    TruthPhase Phase,
    TruthLeg Left,
    TruthLeg Right,
    double HipShiftPct,
    double HipShiftChangePct,
    double PelvicDropDeg,
    double DepthPct)
{
    public TruthLeg Leg(Side side) => side == Side.Left ? Left : Right;
}
