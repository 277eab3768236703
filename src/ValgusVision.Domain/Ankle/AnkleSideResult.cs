using System.Collections.Immutable;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Ankle;

/// <summary>One leg's lunge test: its attempts, the best valid one and the verdict.</summary>
/// <param name="BestInclinationDeg">Largest tibial inclination of an attempt with the heel down; null when none.</param>
/// <param name="BestAttemptNumber">Which attempt gave it.</param>
/// <param name="ToeToWallApproxCm">
/// Approximate toe-to-wall distance for clinicians who think in centimetres: the angle over 3.6°/cm (Bennell et al.
/// 1998). Approximate: the true relation depends on the shank's length.
/// </param>
/// <param name="Floor">The floor line (camera tilt) used for this side.</param>
public sealed record AnkleSideResult(
    Side Side,
    ImmutableArray<LungeAttempt> Attempts,
    double? BestInclinationDeg,
    int? BestAttemptNumber,
    double? ToeToWallApproxCm,
    AnkleVerdict Verdict,
    string Sentence,
    FloorLine Floor)
{
    public int HeelLiftAttempts
    {
        get
        {
            int n = 0;
            foreach (var a in Attempts)
            {
                n += a.HeelLift ? 1 : 0;
            }

            return n;
        }
    }
}
