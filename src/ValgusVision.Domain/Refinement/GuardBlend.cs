using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Refinement;

/// <summary>
/// How far one joint's guards let it move: a weight from 0 (keep the model's point) to 1 (the silhouette's middle)
/// and the guard that limited it most. A hard guard decides on which side of its threshold a measured value falls;
/// a clip and its mirror image measure that value a hair apart (the model and its mask are not exactly symmetric), so
/// near a threshold one keeps the model's point and the other moves by a pixel or two: measured 2026-12-04, that flip
/// was every mirror difference over 1.5° on a real squat. Each guard therefore blends linearly over a relative
/// <see cref="JointRefinementSettings.GuardMargin"/> around its threshold (weight ½ at the threshold itself), and the
/// joint takes the smallest weight of its guards: the result is continuous in every measured value.
/// </summary>
public struct GuardBlend
{
    public double Weight;
    public RefinementIssue Issue;

    public static GuardBlend Full => new() { Weight = 1, Issue = RefinementIssue.None };

    public static GuardBlend Fail(RefinementIssue issue) => new() { Weight = 0, Issue = issue };

    /// <summary>Lowers the weight to <paramref name="weight"/> when that is smaller; the first guard to reach the minimum names it.</summary>
    public void Limit(double weight, RefinementIssue issue)
    {
        if (weight < Weight)
        {
            Weight = weight;
            Issue = issue;
        }
    }

    public void Limit(in GuardBlend other) => Limit(other.Weight, other.Issue);

    /// <summary>
    /// Weight of a guard that passes while <paramref name="value"/> ≤ <paramref name="threshold"/>: 1 up to
    /// threshold·(1 − margin), 0 from threshold·(1 + margin), linear between; a margin of 0 is the hard guard. NaN fails.
    /// </summary>
    public static double AtMost(double value, double threshold, double margin)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        double band = margin * Math.Abs(threshold);
        return band > 0 ? Math.Clamp((threshold + band - value) / (2 * band), 0, 1) : value <= threshold ? 1 : 0;
    }

    /// <summary>Weight of a guard that passes while <paramref name="value"/> ≥ <paramref name="threshold"/> (the mirror of <see cref="AtMost"/>).</summary>
    public static double AtLeast(double value, double threshold, double margin)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        double band = margin * Math.Abs(threshold);
        return band > 0 ? Math.Clamp((value - (threshold - band)) / (2 * band), 0, 1) : value >= threshold ? 1 : 0;
    }
}
