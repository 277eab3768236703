namespace ValgusVision.Domain.Geometry;

/// <summary>
/// Rotation of the body about the vertical from BlazePose world landmarks (x right, z away from the camera): the
/// direction of the left-minus-right hip and shoulder lines in the ground plane. 0° = facing the camera, ±180° =
/// back to the camera, positive = the person's left side is further from the camera.
/// </summary>
public static class BodyYaw
{
    /// <summary>Yaw in degrees from the lines available (null for a line that is not given); null when neither is.</summary>
    public static double? Degrees(Point3? leftHip, Point3? rightHip, Point3? leftShoulder, Point3? rightShoulder)
    {
        // Summing unit vectors averages the two directions without the ±180° wrap a plain mean of angles would have.
        double sumX = 0, sumZ = 0;
        int lines = 0;
        if (leftHip is { } lh && rightHip is { } rh && AddUnit(lh - rh, ref sumX, ref sumZ))
        {
            lines++;
        }

        if (leftShoulder is { } ls && rightShoulder is { } rs && AddUnit(ls - rs, ref sumX, ref sumZ))
        {
            lines++;
        }

        if (lines == 0 || (Math.Abs(sumX) < 1e-12 && Math.Abs(sumZ) < 1e-12))
        {
            return null;
        }

        return Math.Atan2(sumZ, sumX) * 180.0 / Math.PI;
    }

    /// <summary>
    /// How far the body is from a view in which its frontal plane faces the camera, front or back (0–90°): FPPA from
    /// behind is as valid as from the front, so only the deviation from either counts.
    /// </summary>
    public static double OffAxisDegrees(double yawDegrees)
    {
        double a = Math.Abs(yawDegrees) % 180.0;
        return Math.Min(a, 180.0 - a);
    }

    private static bool AddUnit(Point3 line, ref double sumX, ref double sumZ)
    {
        double length = Math.Sqrt((line.X * line.X) + (line.Z * line.Z));
        if (length < 1e-9)
        {
            return false;
        }

        sumX += line.X / length;
        sumZ += line.Z / length;
        return true;
    }
}
