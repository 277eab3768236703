using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>Drop-jump landing: both knees at initial contact and at peak flexion (docs/metrics.md, "Drop vertical jump").</summary>
/// <param name="InitialContactTimeSeconds">First frame with both feet back at floor level after the flight.</param>
/// <param name="PeakFlexionTimeSeconds">Lowest hip position after contact (deepest landing).</param>
public sealed record DropLandingMeasures(
    double InitialContactTimeSeconds,
    int InitialContactFrame,
    double PeakFlexionTimeSeconds,
    int PeakFlexionFrame,
    double? LeftFppaAtContactDeg,
    double? RightFppaAtContactDeg,
    double? LeftFppaAtPeakFlexionDeg,
    double? RightFppaAtPeakFlexionDeg,
    double? SeparationRatioAtContact,
    double? SeparationRatioAtPeakFlexion)
{
    public double? FppaAtPeakFlexionDeg(Side side) => side == Side.Left ? LeftFppaAtPeakFlexionDeg : RightFppaAtPeakFlexionDeg;

    public double? FppaAtContactDeg(Side side) => side == Side.Left ? LeftFppaAtContactDeg : RightFppaAtContactDeg;
}
