using ValgusVision.Domain.Geometry;

namespace ValgusVision.Domain.Pose;

/// <summary>A landmark of a frame as a geometry point: image pixels, or world metres.</summary>
public static class PoseFramePoints
{
    public static Point2 ImagePoint(this PoseFrame frame, BodyLandmark landmark)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var l = frame[landmark];
        return new Point2(l.X, l.Y);
    }

    public static Point3 WorldPoint(this PoseFrame frame, BodyLandmark landmark)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var w = frame.World(landmark);
        return new Point3(w.X, w.Y, w.Z);
    }
}
