using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// The weight-bearing lunge test's measure: the shank's (ankle → knee) angle from the vertical in the sagittal image
/// plane, positive when the knee is ahead of the ankle (towards the toes), whichever way the person faces.
/// Image coordinates: x right, y down.
/// </summary>
public static class TibialInclination
{
    /// <summary>
    /// The inclination in degrees, after levelling the image by the floor's tilt.
    /// </summary>
    /// <param name="knee">Knee centre, image pixels.</param>
    /// <param name="ankle">Ankle centre, image pixels.</param>
    /// <param name="facing">Which way the toes point in the image.</param>
    /// <param name="floorTiltDeg">
    /// The floor line's angle in the image (<see cref="Level"/>): positive when it falls to the right (clockwise on
    /// screen, a phone rolled anticlockwise). 0 for a level camera.
    /// </param>
    public static double Degrees(Point2 knee, Point2 ankle, Facing facing, double floorTiltDeg = 0)
    {
        var shank = Level(knee - ankle, floorTiltDeg);
        return Math.Atan2((int)facing * shank.X, -shank.Y) * 180.0 / Math.PI;
    }

    /// <summary>
    /// The inclination from a shank axis given as an angle (<see cref="Pose.ShankAxes"/>: ankle → knee, degrees
    /// from image up, + = knee to the right), levelled like <see cref="Degrees(Point2, Point2, Facing, double)"/>.
    /// </summary>
    public static double FromAxis(double axisDeg, Facing facing, double floorTiltDeg = 0)
    {
        double a = axisDeg * Math.PI / 180.0;
        return Degrees(new Point2(Math.Sin(a), -Math.Cos(a)), default, facing, floorTiltDeg);
    }

    /// <summary>
    /// Rotates an image vector by −tilt, so that a floor line at <paramref name="floorTiltDeg"/> becomes horizontal.
    /// </summary>
    public static Point2 Level(Point2 vector, double floorTiltDeg)
    {
        double a = floorTiltDeg * Math.PI / 180.0;
        double c = Math.Cos(a), s = Math.Sin(a);
        return new Point2((vector.X * c) + (vector.Y * s), (-vector.X * s) + (vector.Y * c));
    }
}

/// <summary>The direction the person's toes point in the image: +1 right (+x), −1 left.</summary>
public enum Facing
{
    Left = -1,
    Right = 1,
}
