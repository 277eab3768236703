using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// The side-view reading of a recording's frames: per frame which way the toes point, which leg is in front (its
/// ankle further along that direction: the tested leg, whose knee travels forward over its foot), and the gated
/// landmark positions the lunge test needs.
/// </summary>
internal sealed class LungeView
{
    private readonly IReadOnlyList<PoseFrame> _frames;
    private readonly double _gate;
    private readonly Facing?[] _facing;
    private readonly Side?[] _front;

    public LungeView(IReadOnlyList<PoseFrame> frames, double visibilityGate)
    {
        _frames = frames;
        _gate = visibilityGate;
        _facing = new Facing?[frames.Count];
        _front = new Side?[frames.Count];
        for (int i = 0; i < frames.Count; i++)
        {
            if (frames[i].HasPose)
            {
                _facing[i] = FacingOf(i);
                _front[i] = _facing[i] is { } f ? FrontOf(i, f) : null;
            }
        }
    }

    public int Count => _frames.Count;

    public Facing? FacingAt(int i) => _facing[i];

    public Side? Front(int i) => _front[i];

    /// <summary>The leg in front in most frames of [start, end]; null on a tie or none.</summary>
    public Side? MajorityFront(int start, int end)
    {
        int left = 0, right = 0;
        for (int i = start; i <= end; i++)
        {
            left += _front[i] == Side.Left ? 1 : 0;
            right += _front[i] == Side.Right ? 1 : 0;
        }

        return left > right ? Side.Left : right > left ? Side.Right : null;
    }

    /// <summary>Degrees from a frontal view (90 = side-on), from the world hip and shoulder lines.</summary>
    public double? SideViewDeg(int i)
    {
        var frame = _frames[i];
        if (!frame.HasPose || frame.WorldLandmarks.IsDefaultOrEmpty)
        {
            return null;
        }

        bool hips = Visible(i, BodyLandmark.LeftHip) && Visible(i, BodyLandmark.RightHip);
        bool shoulders = Visible(i, BodyLandmark.LeftShoulder) && Visible(i, BodyLandmark.RightShoulder);
        double? yaw = BodyYaw.Degrees(
            hips ? W(i, BodyLandmark.LeftHip) : null,
            hips ? W(i, BodyLandmark.RightHip) : null,
            shoulders ? W(i, BodyLandmark.LeftShoulder) : null,
            shoulders ? W(i, BodyLandmark.RightShoulder) : null);
        return yaw is { } y ? SideView.DegreesFromFrontal(y) : null;
    }

    /// <summary>The foot's ankle, heel and toe tip are visible and inside the image.</summary>
    public bool FootInFrame(int i, Side side) =>
        InFrame(i, side.Ankle()) && InFrame(i, side.Heel()) && InFrame(i, side.FootIndex());

    /// <summary>Shank inclination from the vertical, levelled by <paramref name="tiltDeg"/>; null when undefined.</summary>
    public double? Inclination(int i, Side side, double tiltDeg)
    {
        if (_facing[i] is not { } facing || !Visible(i, side.Knee()) || !Visible(i, side.Ankle()))
        {
            return null;
        }

        return TibialInclination.Degrees(P(i, side.Knee()), P(i, side.Ankle()), facing, tiltDeg);
    }

    /// <summary>The knee's levelled position along the facing direction (pixels; larger = further forward).</summary>
    public double? KneeTravel(int i, Side side, double tiltDeg) =>
        _facing[i] is { } facing && Visible(i, side.Knee())
            ? (int)facing * TibialInclination.Level(P(i, side.Knee()), tiltDeg).X
            : null;

    /// <summary>The levelled image y (down) of a landmark, or null when it is not visible.</summary>
    public double? LevelledY(int i, BodyLandmark landmark, double tiltDeg) =>
        Visible(i, landmark) ? TibialInclination.Level(P(i, landmark), tiltDeg).Y : null;

    /// <summary>The foot line's angle (<see cref="FloorLine.LineAngleDeg"/>) and the foot's length, or null.</summary>
    public (double AngleDeg, double LengthPx)? FootLine(int i, Side side)
    {
        if (!FootInFrame(i, side))
        {
            return null;
        }

        var heel = P(i, side.Heel());
        var toe = P(i, side.FootIndex());
        double length = Point2.Distance(heel, toe);
        return length > 1e-6 ? (FloorLine.LineAngleDeg(heel, toe), length) : null;
    }

    public bool Visible(int i, BodyLandmark landmark)
    {
        var frame = _frames[i];
        return frame.HasPose && frame[landmark].Visibility >= _gate;
    }

    private bool InFrame(int i, BodyLandmark landmark)
    {
        if (!Visible(i, landmark))
        {
            return false;
        }

        var frame = _frames[i];
        var p = frame[landmark];
        return p.X >= 0 && p.Y >= 0 && p.X <= frame.ImageWidth && p.Y <= frame.ImageHeight;
    }

    /// <summary>Toes point where the visible feet's heel→toe lines point, weighted by their horizontal length.</summary>
    private Facing? FacingOf(int i)
    {
        double sum = 0;
        foreach (var side in (ReadOnlySpan<Side>)[Side.Left, Side.Right])
        {
            if (Visible(i, side.Heel()) && Visible(i, side.FootIndex()))
            {
                sum += P(i, side.FootIndex()).X - P(i, side.Heel()).X;
            }
        }

        return sum > 0 ? Facing.Right : sum < 0 ? Facing.Left : null;
    }

    /// <summary>
    /// The foot further along the facing direction. Only the front ankle must pass the visibility gate: the rear foot
    /// is the far one in a side view, often half hidden behind the front leg (BlazePose gives it visibilities of
    /// 0.4–0.6 on our samples), and its position still tells which foot is ahead.
    /// </summary>
    private Side? FrontOf(int i, Facing facing)
    {
        var frame = _frames[i];
        double ahead = (int)facing * (frame[BodyLandmark.LeftAnkle].X - frame[BodyLandmark.RightAnkle].X);
        var front = ahead > 0 ? Side.Left : ahead < 0 ? Side.Right : (Side?)null;
        return front is { } f && Visible(i, f.Ankle()) ? f : null;
    }

    private Point2 P(int i, BodyLandmark landmark)
    {
        var l = _frames[i][landmark];
        return new Point2(l.X, l.Y);
    }

    private Point3 W(int i, BodyLandmark landmark)
    {
        var w = _frames[i].World(landmark);
        return new Point3(w.X, w.Y, w.Z);
    }
}
