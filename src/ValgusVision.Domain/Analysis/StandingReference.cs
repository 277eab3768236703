using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// The standing pose everything is normalised by: segment lengths, leg lengths, the standing mid-hip height and the
/// floor, in image pixels. Null where the landmarks were never visible enough.
/// </summary>
/// <param name="StandingMidHipYPx">Image y of the mid-hip when standing (the highest hip position, y down).</param>
/// <param name="FloorAnkleYPx">Image y of the ankles on the floor (the lowest mean-ankle position).</param>
/// <param name="TrunkPx">Mid-hip to mid-shoulder distance when upright (for trunk flexion without world landmarks).</param>
public sealed record StandingReference(
    double? LeftThighPx,
    double? LeftShankPx,
    double? RightThighPx,
    double? RightShankPx,
    double? LeftLegPx,
    double? RightLegPx,
    double? StandingMidHipYPx,
    double? FloorAnkleYPx,
    double? TrunkPx = null)
{
    /// <summary>
    /// Standing lengths are a high percentile of each length over the frames (a limb is longest in the image when
    /// straight and square to the camera, and the 90th percentile ignores the odd over-long outlier); the standing
    /// hip height is a low percentile of the mid-hip's y (highest), the floor a high percentile of the ankles' y.
    /// </summary>
    public const double LengthPercentile = 0.90;

    public const double StandingHeightPercentile = 0.10;

    public static StandingReference None { get; } = new(null, null, null, null, null, null, null, null, null);

    public double? ThighPx(Side side) => side == Side.Left ? LeftThighPx : RightThighPx;

    public double? ShankPx(Side side) => side == Side.Left ? LeftShankPx : RightShankPx;

    public double? LegPx(Side side) => side == Side.Left ? LeftLegPx : RightLegPx;

    /// <summary>
    /// The scale of depth and of both-leg measures: the longer of the two standing leg lengths. Not the mean: in a
    /// single-leg exercise the free leg is bent or lifted all along and never shows its straight length.
    /// </summary>
    public double? LegScalePx => (LeftLegPx, RightLegPx) switch
    {
        ({ } l, { } r) => Math.Max(l, r),
        ({ } l, null) => l,
        (null, { } r) => r,
        _ => null,
    };

    /// <summary>
    /// Builds the reference from the frames (all of a recording, or a live session's first standing seconds).
    /// </summary>
    /// <param name="edgeMargin">Legs with a joint closer than this fraction of the picture to its edge are not read (<see cref="AnalysisSettings.FrameEdgeMargin"/>).</param>
    public static StandingReference FromFrames(IReadOnlyList<PoseFrame> frames, double visibilityGate, double edgeMargin = 0.01)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var leftThigh = new List<double>();
        var leftShank = new List<double>();
        var rightThigh = new List<double>();
        var rightShank = new List<double>();
        var leftLeg = new List<double>();
        var rightLeg = new List<double>();
        var midHipY = new List<double>();
        var ankleY = new List<double>();
        var trunk = new List<double>();
        foreach (var frame in frames)
        {
            if (!frame.HasPose)
            {
                continue;
            }

            Collect(frame, Side.Left, visibilityGate, edgeMargin, leftThigh, leftShank, leftLeg);
            Collect(frame, Side.Right, visibilityGate, edgeMargin, rightThigh, rightShank, rightLeg);
            var lh = frame[BodyLandmark.LeftHip];
            var rh = frame[BodyLandmark.RightHip];
            if (Usable(lh, visibilityGate) && Usable(rh, visibilityGate))
            {
                midHipY.Add((lh.Y + (double)rh.Y) / 2);
                var ls = frame[BodyLandmark.LeftShoulder];
                var rs = frame[BodyLandmark.RightShoulder];
                if (Usable(ls, visibilityGate) && Usable(rs, visibilityGate))
                {
                    trunk.Add(Point2.Distance(Point2.Midpoint(ToPoint(lh), ToPoint(rh)), Point2.Midpoint(ToPoint(ls), ToPoint(rs))));
                }
            }

            var la = frame[BodyLandmark.LeftAnkle];
            var ra = frame[BodyLandmark.RightAnkle];
            if (Usable(la, visibilityGate) && Usable(ra, visibilityGate))
            {
                ankleY.Add((la.Y + (double)ra.Y) / 2);
            }
        }

        return new StandingReference(
            Percentile.Of(leftThigh, LengthPercentile),
            Percentile.Of(leftShank, LengthPercentile),
            Percentile.Of(rightThigh, LengthPercentile),
            Percentile.Of(rightShank, LengthPercentile),
            Percentile.Of(leftLeg, LengthPercentile),
            Percentile.Of(rightLeg, LengthPercentile),
            Percentile.Of(midHipY, StandingHeightPercentile),
            Percentile.Of(ankleY, LengthPercentile),
            Percentile.Of(trunk, LengthPercentile));
    }

    /// <summary>
    /// A hip–ankle line at least this fraction of thigh + shank: the knee bent by less than about 28°, a standing leg.
    /// Only such legs give standing lengths, so a squat's bent leg or a misplaced joint cannot set the scale.
    /// </summary>
    public const double StraightLegFraction = 0.97;

    /// <summary>
    /// Adds a leg's lengths when it is a standing leg: hip, knee and ankle above the gate and inside the picture (not on
    /// its edge), the knee below the hip and the ankle below the knee, and the leg straight (<see cref="StraightLegFraction"/>).
    /// Without these rules a cut-off or wrongly found leg inflated the standing lengths, and docs/metrics.md's
    /// foreshortening rule never fired on real videos.
    /// </summary>
    private static void Collect(PoseFrame frame, Side side, double gate, double edgeMargin, List<double> thigh, List<double> shank, List<double> leg)
    {
        var hip = frame[side.Hip()];
        var knee = frame[side.Knee()];
        var ankle = frame[side.Ankle()];
        if (!Usable(hip, gate) || !Usable(knee, gate) || !Usable(ankle, gate)
            || FrameEdges.Outside(frame, side.Hip(), edgeMargin) || FrameEdges.Outside(frame, side.Knee(), edgeMargin) || FrameEdges.Outside(frame, side.Ankle(), edgeMargin)
            || !(knee.Y > hip.Y && ankle.Y > knee.Y))
        {
            return;
        }

        double t = Point2.Distance(ToPoint(hip), ToPoint(knee));
        double s = Point2.Distance(ToPoint(knee), ToPoint(ankle));
        double l = Point2.Distance(ToPoint(hip), ToPoint(ankle));
        if (l < StraightLegFraction * (t + s))
        {
            return;
        }

        thigh.Add(t);
        shank.Add(s);
        leg.Add(l);
    }

    private static bool Usable(Landmark l, double gate) => l.Visibility >= gate && float.IsFinite(l.X) && float.IsFinite(l.Y);

    private static Point2 ToPoint(Landmark landmark) => new(landmark.X, landmark.Y);
}
