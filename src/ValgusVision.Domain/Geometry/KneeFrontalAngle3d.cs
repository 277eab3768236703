namespace ValgusVision.Domain.Geometry;

/// <summary>
/// Experimental: the knee's frontal-plane angle in the body's own frontal plane rather than the camera's image
/// plane. The plane is spanned by the hip line (left − right hip) and the vertical made perpendicular to it; hip,
/// knee, ankle and other hip are projected onto it and measured as an FPPA. When the body is turned from the
/// camera this stays near the true frontal angle where the 2D FPPA drifts — if BlazePose's depth is right, which
/// is why it is labelled experimental.
/// </summary>
public static class KneeFrontalAngle3d
{
    public static double? Degrees(Point3 hip, Point3 knee, Point3 ankle, Point3 otherHip, Point3 leftHip, Point3 rightHip)
    {
        var lateral = leftHip - rightHip;
        double lateralLength = lateral.Length;
        if (lateralLength < 1e-9)
        {
            return null;
        }

        var u = lateral * (1.0 / lateralLength);

        // World y points down; "up" made perpendicular to the hip line (Gram–Schmidt).
        var up = new Point3(0, -1, 0);
        var upInPlane = up - (u * Point3.Dot(up, u));
        double upLength = upInPlane.Length;
        if (upLength < 1e-9)
        {
            return null;
        }

        var v = upInPlane * (1.0 / upLength);
        return KneeFrontalPlaneAngle.Degrees(Project(hip, u, v), Project(knee, u, v), Project(ankle, u, v), Project(otherHip, u, v));
    }

    private static Point2 Project(Point3 p, Point3 u, Point3 v) => new(Point3.Dot(p, u), Point3.Dot(p, v));
}
