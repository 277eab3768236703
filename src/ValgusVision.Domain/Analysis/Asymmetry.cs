using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Left–right differences of the per-side means (right minus left; null unless both sides have values).
/// </summary>
/// <param name="FppaAtBottomDiffDeg">Mean FPPA at the bottom, right minus left.</param>
/// <param name="PeakHipShiftDiffPct">Mean peak hip shift, right minus left.</param>
/// <param name="WorseSide">The side with the larger mean FPPA at the bottom, when the difference is at least 1°.</param>
public sealed record Asymmetry(double? FppaAtBottomDiffDeg, double? PeakHipShiftDiffPct, Side? WorseSide);
