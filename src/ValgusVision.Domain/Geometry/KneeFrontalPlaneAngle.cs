namespace ValgusVision.Domain.Geometry;

/// <summary>
/// The frontal-plane projection angle (FPPA) of a knee (docs/metrics.md; Willson &amp; Davis 2008): 180° minus the
/// included angle at the knee between knee→hip and knee→ankle, so a straight leg is 0°. Positive = valgus: the knee
/// lies on the same side of the hip–ankle line as the other hip (towards the midline). Depends only on the shape
/// of the four points, so it is unchanged by translating, scaling, rotating or mirroring the image.
/// </summary>
public static class KneeFrontalPlaneAngle
{
    /// <summary>Smallest segment length (same units as the points) for which an angle means anything.</summary>
    private const double MinSegment = 1e-9;

    /// <summary>
    /// The signed FPPA in degrees, or null when a segment has no length or the other hip lies on the hip–ankle line
    /// (then "medial" cannot be told).
    /// </summary>
    public static double? Degrees(Point2 hip, Point2 knee, Point2 ankle, Point2 otherHip)
    {
        var toHip = hip - knee;
        var toAnkle = ankle - knee;
        var hipToAnkle = ankle - hip;
        double scale = hipToAnkle.Length;
        if (toHip.Length < MinSegment || toAnkle.Length < MinSegment || scale < MinSegment)
        {
            return null;
        }

        double included = Math.Atan2(Math.Abs(Point2.Cross(toHip, toAnkle)), Point2.Dot(toHip, toAnkle));
        double magnitude = 180.0 - (included * 180.0 / Math.PI);
        double kneeSide = Point2.Cross(hipToAnkle, knee - hip);
        double midlineSide = Point2.Cross(hipToAnkle, otherHip - hip);

        // The other hip's distance from the line, relative to the leg, must be clear of rounding noise.
        if (Math.Abs(midlineSide) < 1e-9 * scale * scale)
        {
            return null;
        }

        return kneeSide * midlineSide >= 0 ? magnitude : -magnitude;
    }

    /// <summary>
    /// Signed perpendicular distance of the knee from the hip–ankle line, medial positive, in the points' units;
    /// null under the same conditions as <see cref="Degrees"/>.
    /// </summary>
    public static double? MedialOffset(Point2 hip, Point2 knee, Point2 ankle, Point2 otherHip)
    {
        var hipToAnkle = ankle - hip;
        double length = hipToAnkle.Length;
        if (length < MinSegment)
        {
            return null;
        }

        double midlineSide = Point2.Cross(hipToAnkle, otherHip - hip);
        if (Math.Abs(midlineSide) < 1e-9 * length * length)
        {
            return null;
        }

        double distance = Point2.Cross(hipToAnkle, knee - hip) / length;
        return midlineSide > 0 ? distance : -distance;
    }
}
