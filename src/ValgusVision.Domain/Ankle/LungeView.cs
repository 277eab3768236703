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
    private readonly ShinToAxis[] _shins;

    public LungeView(IReadOnlyList<PoseFrame> frames, double visibilityGate)
    {
        _frames = frames;
        _gate = visibilityGate;
        _facing = new Facing?[frames.Count];
        _front = new Side?[frames.Count];
        _shins = [new(Math.Max(frames.Count, ShinToAxis.MinPairs)), new(Math.Max(frames.Count, ShinToAxis.MinPairs))];
        for (int i = 0; i < frames.Count; i++)
        {
            if (frames[i].HasPose)
            {
                _shins[(int)Side.Left].Add(frames[i].ShankAxes.Left);
                _shins[(int)Side.Right].Add(frames[i].ShankAxes.Right);
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
    public double? SideViewDeg(int i) => LungeFrame.SideViewDeg(_frames[i], _gate);

    /// <summary>The foot's ankle, heel and toe tip are visible and inside the image.</summary>
    public bool FootInFrame(int i, Side side) => LungeFrame.FootInFrame(_frames[i], side, _gate);

    /// <summary>Shank inclination from the vertical, levelled by <paramref name="tiltDeg"/>; null when undefined.</summary>
    public double? Inclination(int i, Side side, double tiltDeg) =>
        _facing[i] is { } facing ? LungeFrame.Inclination(_frames[i], side, facing, tiltDeg, _gate, _shins[(int)side]) : null;

    /// <summary>The line <see cref="Inclination"/> measures on at frame <paramref name="i"/>.</summary>
    public ShankLine LineOf(int i, Side side) => LungeFrame.LineOf(_frames[i], side, _shins[(int)side]);

    /// <summary>The knee's levelled position along the facing direction (pixels; larger = further forward).</summary>
    public double? KneeTravel(int i, Side side, double tiltDeg) =>
        _facing[i] is { } facing ? LungeFrame.KneeTravel(_frames[i], side, facing, tiltDeg, _gate) : null;

    /// <summary>The levelled image y (down) of a landmark, or null when it is not visible.</summary>
    public double? LevelledY(int i, BodyLandmark landmark, double tiltDeg) => LungeFrame.LevelledY(_frames[i], landmark, tiltDeg, _gate);

    /// <summary>The foot line's angle (<see cref="FloorLine.LineAngleDeg"/>) and the foot's length, or null.</summary>
    public (double AngleDeg, double LengthPx)? FootLine(int i, Side side) => LungeFrame.FootLine(_frames[i], side, _gate);

    private Facing? FacingOf(int i) => LungeFrame.FacingOf(_frames[i], _gate);

    private Side? FrontOf(int i, Facing facing) => LungeFrame.FrontOf(_frames[i], facing, _gate);
}
