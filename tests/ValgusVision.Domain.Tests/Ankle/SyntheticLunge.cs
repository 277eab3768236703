using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;

namespace ValgusVision.Domain.Tests.Ankle;

/// <summary>
/// A stick person in split stance seen from the side, built so every expected lunge number can be worked out by hand.
/// Image pixels, y down, 1280×720. The front ankle stands at (640, 600), the shank is 200 px long and leans
/// <see cref="ShankDeg"/> forward (towards the toes); the foot lies flat on the floor, heel 50 px behind the ankle
/// and toe tip 150 px ahead of it (foot length 200 px), both 15 px below the ankle. The rear foot is 250 px behind.
/// A heel lift pivots the front foot about its toe tip. The whole picture is then rotated about the image centre by
/// <see cref="CameraRollDeg"/> (clockwise positive, as a tilted phone sees it). World landmarks: hips and shoulders
/// whose left→right line makes <see cref="YawDeg"/> with the camera's x axis (90 = side-on, 0 = frontal).
/// </summary>
internal sealed record SyntheticLunge
{
    public const double ShankPx = 200;
    public const double FootPx = 200;

    public Facing Facing { get; init; } = Facing.Right;

    public Side Front { get; init; } = Side.Left;

    public double ShankDeg { get; init; } = 10;

    /// <summary>Rise of the heel off the floor (px), the foot pivoting about its toe tip.</summary>
    public double HeelLiftPx { get; init; }

    public double CameraRollDeg { get; init; }

    public double YawDeg { get; init; } = 90;

    public float FootVisibility { get; init; } = 0.95f;

    public float HeelVisibility { get; init; } = 0.95f;

    /// <summary>
    /// How much flatter than the true shank the model's knee–ankle line is (its knee placed that much behind): what
    /// BlazePose does in a side view. The silhouette lines (below) stay true.
    /// </summary>
    public double LandmarkBiasDeg { get; init; }

    /// <summary>Give the frame the front shank's silhouette lines: its centreline (true) and shin (<see cref="ShinTaperDeg"/> more).</summary>
    public bool Silhouette { get; init; }

    public double ShinTaperDeg { get; init; } = 3;

    /// <summary>From this shank angle on the far leg hides the front shank's back edge: the centreline is not read.</summary>
    public double CentreHiddenFromDeg { get; init; } = double.PositiveInfinity;

    public PoseFrame Frame(int index, double timeSeconds)
    {
        var image = new (double X, double Y)[BodyLandmarks.Count];
        double f = (int)Facing;
        var back = Front.Opposite();

        // Front foot, pivoting about the toe tip by the heel lift.
        var toe = (X: 640 + (f * 150), Y: 615.0);
        double pivot = Math.Asin(Math.Clamp(HeelLiftPx / FootPx, -1, 1));
        (double X, double Y) Foot(double along, double below)
        {
            // A point of the flat foot `along` px ahead of the ankle and `below` px under it, turned about the toe tip
            // so that points behind it rise: u forward, v down, relative to the toe.
            double u = along - 150, v = below - 15;
            double c = Math.Cos(pivot), s = Math.Sin(pivot);
            return (toe.X + (f * ((u * c) - (v * s))), toe.Y + (v * c) + (u * s));
        }

        var ankle = Foot(0, 0);
        var heel = Foot(-50, 15);
        double t = (ShankDeg - LandmarkBiasDeg) * Math.PI / 180;
        var knee = (X: ankle.X + (f * ShankPx * Math.Sin(t)), Y: ankle.Y - (ShankPx * Math.Cos(t)));
        var hip = (X: knee.X - (f * 120), Y: knee.Y - 160);
        Set(image, Front.Ankle(), ankle);
        Set(image, Front.Heel(), heel);
        Set(image, Front.FootIndex(), toe);
        Set(image, Front.Knee(), knee);
        Set(image, Front.Hip(), hip);
        Set(image, Front.Shoulder(), (hip.X, hip.Y - 300));

        // Rear foot 250 px behind, on its toes, the leg straight up to the same hip.
        var rearAnkle = (X: 640 - (f * 250), Y: 590.0);
        Set(image, back.Ankle(), rearAnkle);
        Set(image, back.Heel(), (rearAnkle.X - (f * 40), rearAnkle.Y + 5));
        Set(image, back.FootIndex(), (rearAnkle.X + (f * 120), 615));
        Set(image, back.Knee(), ((rearAnkle.X + hip.X) / 2, (rearAnkle.Y + hip.Y) / 2));
        Set(image, back.Hip(), (hip.X + 1, hip.Y + 1));
        Set(image, back.Shoulder(), (hip.X + 1, hip.Y - 299));

        var landmarks = new Landmark[BodyLandmarks.Count];
        double roll = CameraRollDeg * Math.PI / 180;
        for (int i = 0; i < landmarks.Length; i++)
        {
            double x = image[i].X - 640, y = image[i].Y - 360;
            double rx = 640 + (x * Math.Cos(roll)) - (y * Math.Sin(roll));
            double ry = 360 + (x * Math.Sin(roll)) + (y * Math.Cos(roll));
            float visibility = i is (int)BodyLandmark.LeftHeel or (int)BodyLandmark.RightHeel ? Math.Min(HeelVisibility, FootVisibility)
                : i is >= (int)BodyLandmark.LeftAnkle ? FootVisibility : 0.95f;
            landmarks[i] = new Landmark((float)rx, (float)ry, 0, visibility, 0.99f);
        }

        var world = new WorldLandmark[BodyLandmarks.Count];
        double yaw = YawDeg * Math.PI / 180;
        PutWorld(world, BodyLandmark.LeftHip, BodyLandmark.RightHip, 0.1, 0, yaw);
        PutWorld(world, BodyLandmark.LeftShoulder, BodyLandmark.RightShoulder, 0.18, -0.5, yaw);
        var frame = new PoseFrame(index, timeSeconds, 1280, 720, true, [.. landmarks], [.. world], 0.99f, false);
        if (!Silhouette)
        {
            return frame;
        }

        // Axis angles from image up, + = knee to the right: the facing's sign, turned by the camera's roll.
        double centre = (f * ShankDeg) + CameraRollDeg;
        var lines = new ShankAxis(ShankDeg >= CentreHiddenFromDeg ? null : centre, centre + (f * ShinTaperDeg));
        return frame with { ShankAxes = Front == Side.Left ? new ShankAxes(lines, default) : new ShankAxes(default, lines) };
    }

    /// <summary>
    /// Frames at 30 fps: <paramref name="standSeconds"/> standing at 10°, then per entry of <paramref name="peaksDeg"/>
    /// an attempt (1 s forward to the peak, 0.3 s held, 1 s back, 0.4 s rest); the heel lifts by
    /// <paramref name="heelLiftPx"/> × progress in the attempts listed in <paramref name="liftAttempts"/> (1-based).
    /// </summary>
    public static List<PoseFrame> Session(SyntheticLunge body, double[] peaksDeg, double standSeconds = 1, double heelLiftPx = 0, int[]? liftAttempts = null, List<PoseFrame>? append = null)
    {
        var frames = append ?? [];
        int index = frames.Count;
        double Time() => index / 30.0;
        void Add(SyntheticLunge b) => frames.Add(b.Frame(index, Time()) with { FrameIndex = index++ });
        for (int k = 0; k < standSeconds * 30; k++)
        {
            Add(body);
        }

        for (int a = 0; a < peaksDeg.Length; a++)
        {
            bool lift = liftAttempts is not null && Array.IndexOf(liftAttempts, a + 1) >= 0;
            var profile = new List<double>();
            for (int k = 1; k <= 30; k++)
            {
                profile.Add(0.5 - (0.5 * Math.Cos(Math.PI * k / 30)));
            }

            profile.AddRange(Enumerable.Repeat(1.0, 9));
            for (int k = 29; k >= 0; k--)
            {
                profile.Add(0.5 - (0.5 * Math.Cos(Math.PI * k / 30)));
            }

            profile.AddRange(Enumerable.Repeat(0.0, 12));
            foreach (double p in profile)
            {
                Add(body with { ShankDeg = body.ShankDeg + ((peaksDeg[a] - body.ShankDeg) * p), HeelLiftPx = lift ? heelLiftPx * p : 0 });
            }
        }

        return frames;
    }

    private static void Set((double X, double Y)[] image, BodyLandmark landmark, (double X, double Y) p) => image[(int)landmark] = p;

    private static void PutWorld(WorldLandmark[] world, BodyLandmark left, BodyLandmark right, double half, double y, double yaw)
    {
        // The left→right line turned by the yaw: at 0 it runs along −x (facing the camera, the person's right is on the image's left).
        world[(int)left] = new WorldLandmark((float)(half * Math.Cos(yaw)), (float)y, (float)(half * Math.Sin(yaw)), 0.95f);
        world[(int)right] = new WorldLandmark((float)(-half * Math.Cos(yaw)), (float)y, (float)(-half * Math.Sin(yaw)), 0.95f);
    }
}
