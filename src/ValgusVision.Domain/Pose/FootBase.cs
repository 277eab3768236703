namespace ValgusVision.Domain.Pose;

/// <summary>
/// The middle and width of a foot's silhouette seen from the front, across the image rows between the ankle and the
/// sole (<c>Refinement.FootBaseFinder</c>): the foot's line seen end-on. Image pixels.
/// </summary>
public readonly record struct FootBase(double MiddleX, double WidthPx);

/// <summary>Both feet's bases on one frame; null where not read.</summary>
public readonly record struct FootBases(FootBase? Left, FootBase? Right)
{
    public FootBase? Of(Side side) => side == Side.Left ? Left : Right;
}
