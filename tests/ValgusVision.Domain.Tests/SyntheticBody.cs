using System.Collections.Immutable;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

/// <summary>
/// A stick person facing the camera, built from a few numbers so every expected metric can be worked out by hand.
/// Image pixels, y down; the person's right side is on the image's left. Standing: hips at y = 400, knees 600,
/// ankles 800 (thigh = shank = 200 px, leg = 400 px), hips 100 px apart, shoulders 300 px above the hips.
/// World landmarks are the same shape scaled to metres (0.9 m per 400 px), origin at mid-hip, rotated by the yaw.
/// </summary>
internal sealed record SyntheticBody
{
    public const double MetresPerPx = 0.9 / 400;

    public double CenterX { get; init; } = 500;

    public double HipY { get; init; } = 400;

    public double HipHalfWidth { get; init; } = 50;

    public double Thigh { get; init; } = 200;

    public double Shank { get; init; } = 200;

    public double ShoulderHalfWidth { get; init; } = 80;

    public double TrunkHeight { get; init; } = 300;

    /// <summary>Mid-hip drop below standing, px.</summary>
    public double DepthPx { get; init; }

    /// <summary>Both hips moved this far in image x (positive = image right).</summary>
    public double HipShiftPx { get; init; }

    /// <summary>Extra drop of the left hip alone (px, down positive).</summary>
    public double LeftHipDropPx { get; init; }

    public double RightHipDropPx { get; init; }

    /// <summary>Knee moved towards the midline from the hip–ankle midpoint (px; negative = outwards).</summary>
    public double LeftKneeMedialPx { get; init; }

    public double RightKneeMedialPx { get; init; }

    /// <summary>Ankle raised off the floor (px) — the free foot.</summary>
    public double LeftAnkleLiftPx { get; init; }

    public double RightAnkleLiftPx { get; init; }

    /// <summary>Shoulders moved in image x relative to the hips (lateral trunk lean).</summary>
    public double ShoulderShiftPx { get; init; }

    /// <summary>Forward trunk bend towards the camera: the image trunk shortens to cos(bend) of its height.</summary>
    public double TrunkFlexionDeg { get; init; }

    /// <summary>Rotation about the vertical in world space; positive turns the left side away from the camera.</summary>
    public double YawDeg { get; init; }

    public float Visibility { get; init; } = 0.95f;

    public ImmutableDictionary<BodyLandmark, float> VisibilityOverrides { get; init; } = ImmutableDictionary<BodyLandmark, float>.Empty;

    public static SyntheticBody Standing { get; } = new();

    /// <summary>Standing on one leg: the other ankle lifted by 100 px (25 % of leg length).</summary>
    public static SyntheticBody OnLeg(Pose.Side stance) => stance == Pose.Side.Left
        ? new SyntheticBody { RightAnkleLiftPx = 100 }
        : new SyntheticBody { LeftAnkleLiftPx = 100 };

    public SyntheticBody Hide(BodyLandmark landmark, float visibility = 0.1f) =>
        this with { VisibilityOverrides = VisibilityOverrides.SetItem(landmark, visibility) };

    public PoseFrame Frame(int index = 0, double timeSeconds = 0)
    {
        var image = new (double X, double Y)[BodyLandmarks.Count];
        double leg = Thigh + Shank;
        var rightHip = (CenterX - HipHalfWidth + HipShiftPx, HipY + DepthPx + RightHipDropPx);
        var leftHip = (CenterX + HipHalfWidth + HipShiftPx, HipY + DepthPx + LeftHipDropPx);
        var rightAnkle = (CenterX - HipHalfWidth, HipY + leg - RightAnkleLiftPx);
        var leftAnkle = (CenterX + HipHalfWidth, HipY + leg - LeftAnkleLiftPx);

        // Medial is towards the midline: +x for the right leg (image left), −x for the left leg.
        var rightKnee = (((rightHip.Item1 + rightAnkle.Item1) / 2) + RightKneeMedialPx, (rightHip.Item2 + rightAnkle.Item2) / 2);
        var leftKnee = (((leftHip.Item1 + leftAnkle.Item1) / 2) - LeftKneeMedialPx, (leftHip.Item2 + leftAnkle.Item2) / 2);
        double midHipX = CenterX + HipShiftPx, midHipY = HipY + DepthPx + ((LeftHipDropPx + RightHipDropPx) / 2);
        image[(int)BodyLandmark.RightHip] = rightHip;
        image[(int)BodyLandmark.LeftHip] = leftHip;
        image[(int)BodyLandmark.RightKnee] = rightKnee;
        image[(int)BodyLandmark.LeftKnee] = leftKnee;
        image[(int)BodyLandmark.RightAnkle] = rightAnkle;
        image[(int)BodyLandmark.LeftAnkle] = leftAnkle;
        image[(int)BodyLandmark.RightHeel] = (rightAnkle.Item1, rightAnkle.Item2 + 15);
        image[(int)BodyLandmark.LeftHeel] = (leftAnkle.Item1, leftAnkle.Item2 + 15);
        image[(int)BodyLandmark.RightFootIndex] = (rightAnkle.Item1, rightAnkle.Item2 + 30);
        image[(int)BodyLandmark.LeftFootIndex] = (leftAnkle.Item1, leftAnkle.Item2 + 30);
        double trunkInImage = TrunkHeight * Math.Cos(TrunkFlexionDeg * Math.PI / 180);
        image[(int)BodyLandmark.RightShoulder] = (midHipX - ShoulderHalfWidth + ShoulderShiftPx, midHipY - trunkInImage);
        image[(int)BodyLandmark.LeftShoulder] = (midHipX + ShoulderHalfWidth + ShoulderShiftPx, midHipY - trunkInImage);
        for (int i = 0; i < (int)BodyLandmark.LeftShoulder; i++)
        {
            image[i] = (midHipX, midHipY - TrunkHeight - 100);
        }

        for (int i = (int)BodyLandmark.LeftElbow; i <= (int)BodyLandmark.RightThumb; i++)
        {
            image[i] = (midHipX, midHipY - 150);
        }

        var landmarks = new Landmark[BodyLandmarks.Count];
        var world = new WorldLandmark[BodyLandmarks.Count];
        double yaw = YawDeg * Math.PI / 180, flex = TrunkFlexionDeg * Math.PI / 180;
        for (int i = 0; i < BodyLandmarks.Count; i++)
        {
            float v = VisibilityOverrides.TryGetValue((BodyLandmark)i, out var o) ? o : Visibility;
            landmarks[i] = new Landmark((float)image[i].X, (float)image[i].Y, 0f, v, 1f);
            double x = (image[i].X - midHipX) * MetresPerPx, y = (image[i].Y - midHipY) * MetresPerPx, z = 0;
            if (i is (int)BodyLandmark.LeftShoulder or (int)BodyLandmark.RightShoulder)
            {
                // Bend the trunk towards the camera (−z) about the hip line.
                double up = TrunkHeight * MetresPerPx;
                y = -up * Math.Cos(flex);
                z = -up * Math.Sin(flex);
            }

            world[i] = new WorldLandmark((float)((x * Math.Cos(yaw)) - (z * Math.Sin(yaw))), (float)y, (float)((x * Math.Sin(yaw)) + (z * Math.Cos(yaw))), v);
        }

        return new PoseFrame(index, timeSeconds, 1000, 1000, true, [.. landmarks], [.. world], 1f, false);
    }
}
