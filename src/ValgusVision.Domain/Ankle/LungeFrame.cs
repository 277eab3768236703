using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// The side-view reading of one frame (offline through <see cref="LungeView"/>, live through
/// <see cref="LiveLungeTracker"/>): which way the toes point, which leg is in front, and the gated landmark
/// positions the lunge test needs. Allocation-free.
/// </summary>
public static class LungeFrame
{
    /// <summary>Degrees from a frontal view (90 = side-on), from the world hip and shoulder lines.</summary>
    public static double? SideViewDeg(PoseFrame frame, double gate)
    {
        if (!frame.HasPose || frame.WorldLandmarks.IsDefaultOrEmpty)
        {
            return null;
        }

        bool hips = Visible(frame, BodyLandmark.LeftHip, gate) && Visible(frame, BodyLandmark.RightHip, gate);
        bool shoulders = Visible(frame, BodyLandmark.LeftShoulder, gate) && Visible(frame, BodyLandmark.RightShoulder, gate);
        double? yaw = BodyYaw.Degrees(
            hips ? W(frame, BodyLandmark.LeftHip) : null,
            hips ? W(frame, BodyLandmark.RightHip) : null,
            shoulders ? W(frame, BodyLandmark.LeftShoulder) : null,
            shoulders ? W(frame, BodyLandmark.RightShoulder) : null);
        return yaw is { } y ? SideView.DegreesFromFrontal(y) : null;
    }

    /// <summary>The foot's ankle, heel and toe tip are visible and inside the image.</summary>
    public static bool FootInFrame(PoseFrame frame, Side side, double gate) =>
        InFrame(frame, side.Ankle(), gate) && InFrame(frame, side.Heel(), gate) && InFrame(frame, side.FootIndex(), gate);

    /// <summary>
    /// Shank inclination from the vertical, levelled by <paramref name="tiltDeg"/>; null when undefined. From the
    /// shank's silhouette axis where the frame has one (<see cref="PoseFrame.ShankAxes"/>: the centreline, else the
    /// shin turned by <paramref name="shin"/>'s learnt offset), else from the knee and ankle points.
    /// </summary>
    public static double? Inclination(PoseFrame frame, Side side, Facing facing, double tiltDeg, double gate, ShinToAxis? shin = null)
    {
        if (!Visible(frame, side.Knee(), gate) || !Visible(frame, side.Ankle(), gate))
        {
            return null;
        }

        var lines = frame.ShankAxes.Of(side);
        return (shin is null ? lines.CentreDeg : shin.AxisDeg(lines)) is { } axis
            ? TibialInclination.FromAxis(axis, facing, tiltDeg)
            : TibialInclination.Degrees(P(frame, side.Knee()), P(frame, side.Ankle()), facing, tiltDeg);
    }

    /// <summary>The line <see cref="Inclination"/> measures on for this frame and leg (with the same <paramref name="shin"/>).</summary>
    public static ShankLine LineOf(PoseFrame frame, Side side, ShinToAxis? shin = null)
    {
        var lines = frame.ShankAxes.Of(side);
        return (shin is null ? lines.CentreDeg : shin.AxisDeg(lines)) is null ? ShankLine.Landmarks : ShankLine.Silhouette;
    }

    /// <summary>The knee's levelled position along the facing direction (pixels; larger = further forward).</summary>
    public static double? KneeTravel(PoseFrame frame, Side side, Facing facing, double tiltDeg, double gate) =>
        Visible(frame, side.Knee(), gate) ? (int)facing * TibialInclination.Level(P(frame, side.Knee()), tiltDeg).X : null;

    /// <summary>The levelled image y (down) of a landmark, or null when it is not visible.</summary>
    public static double? LevelledY(PoseFrame frame, BodyLandmark landmark, double tiltDeg, double gate) =>
        Visible(frame, landmark, gate) ? TibialInclination.Level(P(frame, landmark), tiltDeg).Y : null;

    /// <summary>The foot line's angle (<see cref="FloorLine.LineAngleDeg"/>) and the foot's length, or null.</summary>
    public static (double AngleDeg, double LengthPx)? FootLine(PoseFrame frame, Side side, double gate)
    {
        if (!FootInFrame(frame, side, gate))
        {
            return null;
        }

        var heel = P(frame, side.Heel());
        var toe = P(frame, side.FootIndex());
        double length = Point2.Distance(heel, toe);
        return length > 1e-6 ? (FloorLine.LineAngleDeg(heel, toe), length) : null;
    }

    /// <summary>Toes point where the visible feet's heel→toe lines point, weighted by their horizontal length.</summary>
    public static Facing? FacingOf(PoseFrame frame, double gate)
    {
        if (!frame.HasPose)
        {
            return null;
        }

        double sum = 0;
        foreach (var side in (ReadOnlySpan<Side>)[Side.Left, Side.Right])
        {
            if (Visible(frame, side.Heel(), gate) && Visible(frame, side.FootIndex(), gate))
            {
                sum += P(frame, side.FootIndex()).X - P(frame, side.Heel()).X;
            }
        }

        return sum > 0 ? Facing.Right : sum < 0 ? Facing.Left : null;
    }

    /// <summary>
    /// The foot further along the facing direction. Only the front ankle must pass the visibility gate: the rear foot
    /// is the far one in a side view, often half hidden behind the front leg (BlazePose gives it visibilities of
    /// 0.4–0.6 on our samples), and its position still tells which foot is ahead.
    /// </summary>
    public static Side? FrontOf(PoseFrame frame, Facing facing, double gate)
    {
        if (!frame.HasPose)
        {
            return null;
        }

        double ahead = (int)facing * (frame[BodyLandmark.LeftAnkle].X - frame[BodyLandmark.RightAnkle].X);
        var front = ahead > 0 ? Side.Left : ahead < 0 ? Side.Right : (Side?)null;
        return front is { } f && Visible(frame, f.Ankle(), gate) ? f : null;
    }

    public static bool Visible(PoseFrame frame, BodyLandmark landmark, double gate) =>
        frame.HasPose && frame[landmark].Visibility >= gate;

    private static bool InFrame(PoseFrame frame, BodyLandmark landmark, double gate)
    {
        if (!Visible(frame, landmark, gate))
        {
            return false;
        }

        var p = frame[landmark];
        return p.X >= 0 && p.Y >= 0 && p.X <= frame.ImageWidth && p.Y <= frame.ImageHeight;
    }

    private static Point2 P(PoseFrame frame, BodyLandmark landmark) => frame.ImagePoint(landmark);

    private static Point3 W(PoseFrame frame, BodyLandmark landmark) => frame.WorldPoint(landmark);
}
