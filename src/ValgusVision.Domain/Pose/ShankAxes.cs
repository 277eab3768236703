namespace ValgusVision.Domain.Pose;

/// <summary>
/// One shank's silhouette lines on one frame (<c>Refinement.ShankAxisFinder</c>), each as the degrees of its ankle → knee
/// direction from the image's up direction, positive when the knee lies to the right (+x) of the ankle; null when
/// not measured (no mask, leg not visible, or a guard failed).
/// </summary>
/// <param name="CentreDeg">The line through the middles between both edges: the shank's axis.</param>
/// <param name="ShinDeg">
/// The front (shin) edge alone, read only in a side view (the foot points across the shank). A far leg crossing behind
/// the shank hides its back edge but not its shin; the shin runs at a fixed angle to the axis for a given leg, which
/// the lunge test learns from frames where both are read (<c>Ankle.ShinToAxis</c>).
/// </param>
public readonly record struct ShankAxis(double? CentreDeg, double? ShinDeg);

/// <summary>Both shanks' silhouette lines on one frame; <c>default</c> is "not read" for both.</summary>
public readonly record struct ShankAxes(ShankAxis Left, ShankAxis Right)
{
    public ShankAxis Of(Side side) => side == Side.Left ? Left : Right;
}
