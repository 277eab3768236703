using System.Collections.Immutable;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Tests.Fixtures;

/// <summary>
/// A frontal single-leg squat on the left leg, made of geometry: the knee drifts medially as the hips drop, so
/// FPPA, hip shift and pelvic drop follow from the landmarks exactly as docs/metrics.md defines them. Three reps with
/// peak valgus of about 6°, 13° and 17°, so the reps fall into all three colour bands at their bottoms (frames 60, 150, 240).
/// </summary>
internal sealed class SyntheticSquat
{
    public const double Fps = 30.0;
    public static readonly double[] PeakKneeShiftPixels = [4.0, 8.5, 11.5];
    private const double StandSeconds = 1.0;
    private const double RepSeconds = 2.0;

    public SyntheticSquat(int width = 1280, int height = 720)
    {
        Width = width;
        Height = height;
        var frames = (int)((StandSeconds + (PeakKneeShiftPixels.Length * (RepSeconds + StandSeconds))) * Fps);
        FrameCount = frames;
    }

    public int Width { get; }

    public int Height { get; }

    public int FrameCount { get; }

    public static double RepStart(int repIndex) => StandSeconds + (repIndex * (RepSeconds + StandSeconds));

    public static double RepEnd(int repIndex) => RepStart(repIndex) + RepSeconds;

    public static double RepBottom(int repIndex) => RepStart(repIndex) + (RepSeconds / 2);

    /// <summary>Squat depth in [0, 1] and the rep it belongs to (−1 when standing).</summary>
    public static (double Depth, int Rep) DepthAt(double timeSeconds)
    {
        for (var rep = 0; rep < PeakKneeShiftPixels.Length; rep++)
        {
            if (timeSeconds >= RepStart(rep) && timeSeconds <= RepEnd(rep))
            {
                var phase = (timeSeconds - RepStart(rep)) / RepSeconds;
                return (Math.Sin(Math.PI * phase), rep);
            }
        }

        return (0, -1);
    }

    public double Time(int frameIndex) => frameIndex / Fps;

    public PoseFrame Pose(int frameIndex, float visibility = 0.95f)
    {
        var t = Time(frameIndex);
        var (depth, rep) = DepthAt(t);
        var kneeShift = rep >= 0 ? PeakKneeShiftPixels[rep] * depth : 0;

        // Designed in a 720-unit square centred in the frame, so every size and orientation shows the same person.
        var u = Math.Min(Width, Height) / 720.0;
        var cx = Width / 2.0;
        var oy = (Height - (720 * u)) / 2.0;
        var landmarks = new Landmark[BodyLandmarks.Count];
        void Set(BodyLandmark m, double x, double y) =>
            landmarks[(int)m] = new Landmark((float)(cx + (x * u)), (float)(oy + (y * u)), 0f, visibility, 0.99f);

        // The person faces the camera: their left side is on the image's right.
        var hipY = 300 + (110 * depth);
        var hipX = 45 + (18 * depth);
        Set(BodyLandmark.Nose, 5, hipY - 230);
        Set(BodyLandmark.LeftShoulder, 70, hipY - 180);
        Set(BodyLandmark.RightShoulder, -70, hipY - 185);
        Set(BodyLandmark.LeftElbow, 95, hipY - 95);
        Set(BodyLandmark.RightElbow, -95, hipY - 100);
        Set(BodyLandmark.LeftWrist, 60, hipY - 30);
        Set(BodyLandmark.RightWrist, -60, hipY - 35);
        Set(BodyLandmark.LeftHip, hipX, hipY);
        Set(BodyLandmark.RightHip, hipX - 90, hipY + (12 * depth));
        const double ankleX = 60, ankleY = 560;
        Set(BodyLandmark.LeftKnee, ((hipX + ankleX) / 2) - kneeShift, (hipY + ankleY) / 2);
        Set(BodyLandmark.LeftAnkle, ankleX, ankleY);
        Set(BodyLandmark.LeftHeel, ankleX - 5, ankleY + 18);
        Set(BodyLandmark.LeftFootIndex, ankleX + 18, ankleY + 35);
        var lift = 70 * (1 - depth);
        Set(BodyLandmark.RightKnee, -60, hipY + 110);
        Set(BodyLandmark.RightAnkle, -75, hipY + 130 + lift);
        Set(BodyLandmark.RightHeel, -90, hipY + 140 + lift);
        Set(BodyLandmark.RightFootIndex, -62, hipY + 155 + lift);
        return new PoseFrame(frameIndex, t, Width, Height, true, ImmutableArray.Create(landmarks), [], 0.99f, false);
    }

    /// <summary>FPPA by docs/metrics.md: 180° minus the included knee angle, positive when the knee is medial.</summary>
    public static double Fppa(PoseFrame pose)
    {
        var hip = pose[BodyLandmark.LeftHip];
        var knee = pose[BodyLandmark.LeftKnee];
        var ankle = pose[BodyLandmark.LeftAnkle];
        var otherHip = pose[BodyLandmark.RightHip];
        double ax = hip.X - knee.X, ay = hip.Y - knee.Y, bx = ankle.X - knee.X, by = ankle.Y - knee.Y;
        var included = Math.Acos(((ax * bx) + (ay * by)) / (Math.Sqrt((ax * ax) + (ay * ay)) * Math.Sqrt((bx * bx) + (by * by))));
        var magnitude = 180.0 - (included * 180.0 / Math.PI);
        double Side(double px, double py) => ((ankle.X - hip.X) * (py - hip.Y)) - ((ankle.Y - hip.Y) * (px - hip.X));
        var medial = Math.Sign(Side(knee.X, knee.Y)) == Math.Sign(Side(otherHip.X, otherHip.Y));
        return medial ? magnitude : -magnitude;
    }

    /// <summary>Lateral hip offset from the ankle in % of the standing leg length (left leg: lateral is +x).</summary>
    public double HipShiftPercent(PoseFrame pose)
    {
        var standing = Pose(0);
        var leg = Distance(standing[BodyLandmark.LeftHip], standing[BodyLandmark.LeftAnkle]);
        return (pose[BodyLandmark.LeftHip].X - pose[BodyLandmark.LeftAnkle].X) / leg * 100.0;
    }

    /// <summary>Pelvic drop: positive when the lifted (right) hip is lower, i.e. has the larger y.</summary>
    public static double PelvicDrop(PoseFrame pose)
    {
        var left = pose[BodyLandmark.LeftHip];
        var right = pose[BodyLandmark.RightHip];
        return Math.Atan2(right.Y - left.Y, left.X - right.X) * 180.0 / Math.PI;
    }

    private static double Distance(Landmark a, Landmark b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
