using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests.Refinement;

/// <summary>
/// Masks and bodies drawn by hand for the refinement tests. The ROI is the 256 × 256 frame itself (one frame pixel
/// per cell, no rotation), so cell i's centre is frame coordinate i + 0.5 and a logit that is linear in x between
/// cell centres has its zero crossing exactly where the formula says.
/// </summary>
internal static class SyntheticMask
{
    public static PersonMask Draw(Func<float, float, float> logitAt)
    {
        var mask = new PersonMask(256) { Roi = new RotatedRoi(128, 128, 256, 256, 0) };
        for (int v = 0; v < mask.Size; v++)
        {
            for (int u = 0; u < mask.Size; u++)
            {
                mask.Logits[(v * mask.Size) + u] = logitAt(u + 0.5f, v + 0.5f);
            }
        }

        return mask;
    }

    /// <summary>Positive inside [left, right] in x, the signed distance to the nearer edge.</summary>
    public static float Band(float x, float left, float right) => Math.Min(x - left, right - x);

    /// <summary>
    /// A standing person with straight, vertical legs: hips at y 20, knees at y 120, ankles at y 220 (leg length 200),
    /// the person's left leg at <paramref name="leftX"/> and right leg at <paramref name="rightX"/>, arms far to the side.
    /// </summary>
    public static Landmark[] Body(float leftX, float rightX)
    {
        var l = new Landmark[BodyLandmarks.Count];
        for (int i = 0; i < l.Length; i++)
        {
            l[i] = new Landmark(250, 5, 0, 1, 1); // arms, head: a corner far from the legs
        }

        Set(l, BodyLandmark.LeftHip, leftX, 20);
        Set(l, BodyLandmark.LeftKnee, leftX, 120);
        Set(l, BodyLandmark.LeftAnkle, leftX, 220);
        Set(l, BodyLandmark.LeftHeel, leftX, 230);
        Set(l, BodyLandmark.LeftFootIndex, leftX, 240);
        Set(l, BodyLandmark.RightHip, rightX, 20);
        Set(l, BodyLandmark.RightKnee, rightX, 120);
        Set(l, BodyLandmark.RightAnkle, rightX, 220);
        Set(l, BodyLandmark.RightHeel, rightX, 230);
        Set(l, BodyLandmark.RightFootIndex, rightX, 240);
        return l;
    }

    public static void Set(Landmark[] l, BodyLandmark landmark, float x, float y) => l[(int)landmark] = new Landmark(x, y, 0, 1, 1);
}
