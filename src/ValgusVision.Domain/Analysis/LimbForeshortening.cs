using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Apparent length of each thigh and shank in this frame as a fraction of its standing length (1 = as long as when
/// standing; a deep squat's thigh ≈ 0.5–0.7). Null where a landmark is below the gate or no standing length is known.
/// </summary>
public readonly record struct LimbForeshortening(
    double? LeftThighRatio,
    double? LeftShankRatio,
    double? RightThighRatio,
    double? RightShankRatio)
{
    public double? ThighRatio(Side side) => side == Side.Left ? LeftThighRatio : RightThighRatio;

    public double? ShankRatio(Side side) => side == Side.Left ? LeftShankRatio : RightShankRatio;
}
