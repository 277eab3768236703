using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Refinement;

/// <summary>
/// Where the foot stands, seen from the front: the middle of the shoe's silhouette on image rows from 40 % to 80 % of
/// the way from the (refined) ankle centre down to the sole (the lower of the heel and toe points), averaged. It is the
/// experimental foot-collapse proxy's reference (issue 13): a foot that rolls in moves the ankle centre medially over
/// it. The model's heel and toe points cannot serve — seen end-on the foot is about 24 px long at 720p and its points
/// drift by more than the 1–2 px a 10° roll moves the ankle (samples/README.md). Read only for an ankle the
/// refinement centred (so the mask is trusted there). Stateless, allocation-free.
/// </summary>
public static class FootBaseFinder
{
    private static readonly double[] Rows = [0.4, 0.5, 0.6, 0.7, 0.8];

    /// <summary>
    /// The base of <paramref name="side"/>'s foot, or null. Guards: the ankle's own row must have two edges; every
    /// shoe row must be at least 0.8× and at most 3× the ankle's width (narrower: the mask lost the shoe; wider: the other
    /// foot or a shadow merged).
    /// </summary>
    public static FootBase? Find(ReadOnlySpan<Landmark> landmarks, in MaskSampler mask, Side side)
    {
        var ankle = landmarks[(int)side.Ankle()];
        float sole = Math.Max(landmarks[(int)side.Heel()].Y, landmarks[(int)side.FootIndex()].Y);
        float drop = sole - ankle.Y;
        if (!mask.IsUsable || !(drop > 2 * mask.PixelsPerCell))
        {
            return null;
        }

        float step = 0.5f * mask.PixelsPerCell;
        float ankleWidth = LimbEdge.Distance(mask, ankle.X, ankle.Y, 1, 0, step, 4 * drop) + LimbEdge.Distance(mask, ankle.X, ankle.Y, -1, 0, step, 4 * drop);
        if (!(ankleWidth > 0))
        {
            return null;
        }

        double ankleWidthPx = ankleWidth;
        float reach = 3 * ankleWidth;
        double middles = 0, widths = 0;
        foreach (double k in Rows)
        {
            float y = (float)(ankle.Y + (k * drop));
            float right = LimbEdge.Distance(mask, ankle.X, y, 1, 0, step, reach);
            float left = LimbEdge.Distance(mask, ankle.X, y, -1, 0, step, reach);
            double width = right + left;
            if (float.IsNaN(right) || float.IsNaN(left) || width < ankleWidthPx * 0.8 || width > reach)
            {
                return null;
            }

            middles += ankle.X + ((right - left) * 0.5);
            widths += width;
        }

        return new FootBase(middles / Rows.Length, widths / Rows.Length);
    }
}
