using ValgusVision.Domain.Geometry;

namespace ValgusVision.Domain.Ankle;

/// <summary>What the floor line says about the camera's roll.</summary>
public enum FloorTiltStatus
{
    /// <summary>Within the dead band of level: not corrected.</summary>
    Level,

    /// <summary>Tilted beyond the dead band: the angles are corrected by <see cref="FloorLine.TiltDeg"/>.</summary>
    Corrected,

    /// <summary>The standing frames disagree or the tilt is implausible: not corrected, warned.</summary>
    Unreliable,

    /// <summary>No standing frame showed the front foot's heel and toe.</summary>
    Unknown,
}

/// <summary>
/// The floor's direction in the image, from the front foot's heel→toe line in the standing frames (a flat foot lies
/// along the floor). <see cref="TiltDeg"/> is the line's angle from the image horizontal, positive clockwise on
/// screen (falling to the right); <see cref="CorrectionDeg"/> is what the angles are levelled by.
/// </summary>
public sealed record FloorLine(FloorTiltStatus Status, double? TiltDeg, double? SpreadDeg, int Frames)
{
    public static FloorLine Unknown { get; } = new(FloorTiltStatus.Unknown, null, null, 0);

    /// <summary>The tilt the angles are corrected by: the estimate when <see cref="FloorTiltStatus.Corrected"/>, else 0.</summary>
    public double CorrectionDeg => Status == FloorTiltStatus.Corrected && TiltDeg is { } t ? t : 0;

    /// <summary>The foot line's angle, clockwise positive, folded into (−90°, 90°] whichever way the toes point.</summary>
    public static double LineAngleDeg(Point2 heel, Point2 toe)
    {
        var d = toe - heel;
        if (d.X < 0)
        {
            d = new Point2(-d.X, -d.Y);
        }

        return Math.Atan2(d.Y, d.X) * 180.0 / Math.PI;
    }

    /// <summary>
    /// The estimate from the foot line angles of the standing frames: their median, trusted when their interquartile
    /// range is within the settings' limit and the tilt is one a phone on the floor can have.
    /// </summary>
    public static FloorLine Estimate(IReadOnlyList<double> lineAnglesDeg, AnkleLungeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(lineAnglesDeg);
        ArgumentNullException.ThrowIfNull(settings);
        if (lineAnglesDeg.Count == 0)
        {
            return Unknown;
        }

        var sorted = new List<double>(lineAnglesDeg);
        sorted.Sort();
        double median = Quantile(sorted, 0.5);
        double spread = Quantile(sorted, 0.75) - Quantile(sorted, 0.25);
        var status = spread > settings.MaxTiltSpreadDeg || Math.Abs(median) > settings.MaxCorrectableTiltDeg
            ? FloorTiltStatus.Unreliable
            : Math.Abs(median) > settings.TiltDeadBandDeg ? FloorTiltStatus.Corrected : FloorTiltStatus.Level;
        return new FloorLine(status, median, spread, sorted.Count);
    }

    private static double Quantile(List<double> sorted, double fraction)
    {
        double position = fraction * (sorted.Count - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
