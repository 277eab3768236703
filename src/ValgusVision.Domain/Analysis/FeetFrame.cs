using ValgusVision.Domain.Pose;
namespace ValgusVision.Domain.Analysis;

/// <summary>One frame's feet, from the ankles and knees (image pixels, % of the standing leg scale).</summary>
/// <param name="AnkleGapXPct">Horizontal distance between the ankles.</param>
/// <param name="RightLowerPct">How much lower in the image the right ankle is than the left (negative: the left is lower).</param>
/// <param name="LeftShankUpright">Vertical extent of the left shank (ankle y − knee y) over its standing length; null without knee, ankle or length.</param>
/// <param name="RightShankUpright">The same for the right shank.</param>
public readonly record struct FeetFrame(double AnkleGapXPct, double RightLowerPct, double? LeftShankUpright, double? RightShankUpright)
{
    public double? ShankUpright(Side side) => side == Side.Left ? LeftShankUpright : RightShankUpright;
}
