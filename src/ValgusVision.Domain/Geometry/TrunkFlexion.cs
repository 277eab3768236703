namespace ValgusVision.Domain.Geometry;

/// <summary>
/// Forward bend of the trunk from world landmarks: the mid-hip→mid-shoulder line's angle from the vertical after
/// removing its sideways (hip-line) component, so lateral lean does not count as flexion. 0° upright, 90° horizontal.
/// </summary>
public static class TrunkFlexion
{
    public static double? Degrees(Point3 leftHip, Point3 rightHip, Point3 leftShoulder, Point3 rightShoulder)
    {
        var trunk = Point3.Midpoint(leftShoulder, rightShoulder) - Point3.Midpoint(leftHip, rightHip);
        var lateral = leftHip - rightHip;
        double lateralLength = lateral.Length;
        if (lateralLength > 1e-9)
        {
            var u = lateral * (1.0 / lateralLength);
            trunk -= u * Point3.Dot(trunk, u);
        }

        double length = trunk.Length;
        if (length < 1e-9)
        {
            return null;
        }

        // World y points down, so "up" is −y.
        double cos = Math.Clamp(-trunk.Y / length, -1.0, 1.0);
        return Math.Acos(cos) * 180.0 / Math.PI;
    }
}
