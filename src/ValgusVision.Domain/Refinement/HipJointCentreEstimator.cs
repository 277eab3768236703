using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Refinement;

/// <summary>
/// Moves the model's two hip points to an estimate of the hip joint centres (docs/metrics.md: FPPA uses the hip joint
/// centre). BlazePose's hip point is a surface-ish landmark; on Human3.6M's marker truth it sits below and medial of
/// the joint centre (issue 18). Like the published regressions (Bell et al. 1990: the HJC as fractions of pelvic width
/// from the ASIS; Harrington et al. 2007: from pelvic width and leg length), the correction is a fixed offset in the
/// pelvis's own frame, scaled by the body: along the pelvis's up axis (mid-hip → mid-shoulder, made square to the
/// hip line) and along the hip line, each a fraction of the 3D leg length from the world landmarks. The offset is
/// built in world metres and drawn into the image with the body's pixels-per-metre, so a body turned from the camera
/// gets the offset foreshortened as its pelvis is. No allocation; the points are changed in place.
/// </summary>
public sealed class HipJointCentreEstimator(HipJointCentreSettings settings) : IHipPointEstimator
{
    private static readonly (BodyLandmark A, BodyLandmark B)[] ScaleSegments =
    [
        (BodyLandmark.LeftShoulder, BodyLandmark.RightShoulder), (BodyLandmark.LeftHip, BodyLandmark.RightHip),
        (BodyLandmark.LeftShoulder, BodyLandmark.LeftHip), (BodyLandmark.RightShoulder, BodyLandmark.RightHip),
        (BodyLandmark.LeftHip, BodyLandmark.LeftKnee), (BodyLandmark.RightHip, BodyLandmark.RightKnee),
        (BodyLandmark.LeftKnee, BodyLandmark.LeftAnkle), (BodyLandmark.RightKnee, BodyLandmark.RightAnkle),
    ];

    public HipJointCentreSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>Moves the hips of a pose result (frame pixels) in place; nothing happens without a pose or world landmarks.</summary>
    public void Apply(PoseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.HasPose)
        {
            result.Hips = Apply(result.Landmarks, result.WorldLandmarks) ? HipPlacement.Placed : HipPlacement.KeptBecause(HipPointIssue.NoWorldLandmarks);
        }
    }

    /// <summary>Moves the two hips of <paramref name="image"/> in place; false (nothing moved) when the pelvis frame cannot be read.</summary>
    public bool Apply(Span<Landmark> image, ReadOnlySpan<WorldLandmark> world)
    {
        if (!PelvisFrame.TryRead(image, world, out var frame))
        {
            return false;
        }

        Move(image, BodyLandmark.LeftHip, frame.Offset(Settings, Side.Left));
        Move(image, BodyLandmark.RightHip, frame.Offset(Settings, Side.Right));
        return true;
    }

    private static void Move(Span<Landmark> image, BodyLandmark hip, Point2 offsetPx)
    {
        var h = image[(int)hip];
        image[(int)hip] = h with { X = (float)(h.X + offsetPx.X), Y = (float)(h.Y + offsetPx.Y) };
    }

    /// <summary>
    /// The pelvis's axes as drawn in the image, per metre of world length: <see cref="UpPx"/> and <see cref="LeftPx"/>
    /// are the image pixels one world metre along the pelvis's up axis and its left-pointing hip line becomes, and
    /// <see cref="LegMetres"/> the mean 3D hip→knee→ankle length. Also what a fit of the settings decomposes into.
    /// </summary>
    public readonly record struct PelvisFrame(Point2 UpPx, Point2 LeftPx, double LegMetres)
    {
        /// <summary>The image offset (pixels) from the model's hip of <paramref name="side"/> to the estimated joint centre.</summary>
        public Point2 Offset(HipJointCentreSettings settings, Side side)
        {
            ArgumentNullException.ThrowIfNull(settings);
            double lateral = side == Side.Left ? 1 : -1;
            return (UpPx * (settings.RaisePctOfLeg / 100 * LegMetres)) + (LeftPx * (lateral * settings.LateralPctOfLeg / 100 * LegMetres));
        }

        public static bool TryRead(ReadOnlySpan<Landmark> image, ReadOnlySpan<WorldLandmark> world, out PelvisFrame frame)
        {
            frame = default;
            if (image.Length < BodyLandmarks.Count || world.Length < BodyLandmarks.Count)
            {
                return false;
            }

            double imageSum = 0, worldSum = 0;
            foreach (var (a, b) in ScaleSegments)
            {
                imageSum += Point2.Distance(P(image[(int)a]), P(image[(int)b]));
                worldSum += Point2.Distance(Pxy(world[(int)a]), Pxy(world[(int)b]));
            }

            // Pixels per world metre, from the whole frontal outline: one segment seen end-on cannot spoil it.
            double pxPerMetre = imageSum / worldSum;
            var lh = world[(int)BodyLandmark.LeftHip];
            var rh = world[(int)BodyLandmark.RightHip];
            var ls = world[(int)BodyLandmark.LeftShoulder];
            var rs = world[(int)BodyLandmark.RightShoulder];
            var left = Unit(rh, lh, out double pelvisMetres);
            var upRaw = Sub(Mid(ls, rs), Mid(lh, rh));
            double along = Dot(upRaw, left);
            var up = (upRaw.X - (along * left.X), upRaw.Y - (along * left.Y), upRaw.Z - (along * left.Z));
            double upLength = Math.Sqrt(Dot(up, up));
            double leg = (Leg(world, Side.Left) + Leg(world, Side.Right)) / 2;
            if (!(pxPerMetre > 0) || !double.IsFinite(pxPerMetre) || !(pelvisMetres > 1e-3) || !(upLength > 1e-3) || !(leg > 0.1) || !double.IsFinite(leg))
            {
                return false;
            }

            frame = new PelvisFrame(
                new Point2(up.Item1 / upLength * pxPerMetre, up.Item2 / upLength * pxPerMetre),
                new Point2(left.X * pxPerMetre, left.Y * pxPerMetre),
                leg);
            return true;
        }

        private static double Leg(ReadOnlySpan<WorldLandmark> w, Side side) =>
            Length(Sub(w[(int)side.Hip()], w[(int)side.Knee()])) + Length(Sub(w[(int)side.Knee()], w[(int)side.Ankle()]));

        private static Point2 P(Landmark l) => new(l.X, l.Y);

        private static Point2 Pxy(WorldLandmark w) => new(w.X, w.Y);

        private static (double X, double Y, double Z) Sub((double X, double Y, double Z) a, (double X, double Y, double Z) b) => (a.X - b.X, a.Y - b.Y, a.Z - b.Z);

        private static (double X, double Y, double Z) Sub(WorldLandmark a, WorldLandmark b) => (a.X - b.X, a.Y - b.Y, a.Z - b.Z);

        private static (double X, double Y, double Z) Mid(WorldLandmark a, WorldLandmark b) => ((a.X + b.X) / 2.0, (a.Y + b.Y) / 2.0, (a.Z + b.Z) / 2.0);

        private static double Dot((double X, double Y, double Z) a, (double X, double Y, double Z) b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);

        private static double Length((double X, double Y, double Z) a) => Math.Sqrt(Dot(a, a));

        private static (double X, double Y, double Z) Unit(WorldLandmark from, WorldLandmark to, out double length)
        {
            var d = Sub(to, from);
            length = Length(d);
            return length > 0 ? (d.X / length, d.Y / length, d.Z / length) : default;
        }
    }
}
