namespace ValgusVision.Domain.Analysis;

/// <summary>Hip-hitch rep: pelvic drop from its lowest to its highest position, and how long the top was held.</summary>
/// <param name="PelvicDropRangeDeg">Highest minus lowest pelvic drop from the previous rep's end to this rep's end.</param>
/// <param name="TopHoldSeconds">Time the pelvis stayed within the hold tolerance of the rep's highest position.</param>
/// <param name="TopElevationDeg">Highest lift of the free side above horizontal (= −pelvic drop at the top).</param>
public sealed record HipHitchMeasures(double? PelvicDropRangeDeg, double TopHoldSeconds, double? TopElevationDeg);
