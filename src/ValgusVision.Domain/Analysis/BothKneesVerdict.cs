using ValgusVision.Domain.Pose;
using System.Globalization;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// The verdict wording of the both-feet exercises: a double-leg squat speaks of both knees and which caved in more, a
/// forward lunge of the front knee and which leg led.
/// </summary>
public static class BothKneesVerdict
{
    /// <summary>Smallest left–right difference at the bottom that names one knee as caving in more (as the session's worse side).</summary>
    public const double NamedDifferenceDeg = SessionSummarizer.WorseSideMinDiffDeg;

    /// <summary>Below this (or the user's limit, if lower) a knee counts as over the foot: the reports' green band and the summary's "well aligned".</summary>
    public const double AlignedBelowDeg = 5.0;

    /// <summary>"Both knees stayed over the feet …" or "Left knee caved in 12° at the bottom, 7° more than the right …".</summary>
    public static string Squat(BothKneesMeasures knees, double limit)
    {
        ArgumentNullException.ThrowIfNull(knees);
        if (knees.LeftFppaAtBottomDeg is not { } l || knees.RightFppaAtBottomDeg is not { } r)
        {
            string left = knees.LeftFppaAtBottomDeg is { } lv ? F($"left knee {Round(lv)}°") : "left knee not measurable";
            string right = knees.RightFppaAtBottomDeg is { } rv ? F($"right knee {Round(rv)}°") : "right knee not measurable";
            return F($"At the bottom: {left}, {right}; no left–right comparison.");
        }

        var worse = l >= r ? Side.Left : Side.Right;
        double worst = Math.Max(l, r);
        double diff = Math.Abs(l - r);
        string against = worst >= limit ? F($"above your {Round(limit)}° limit") : F($"within your {Round(limit)}° limit");
        if (worst < Math.Min(AlignedBelowDeg, limit))
        {
            // Neither knee came inwards beyond the aligned band (or bowed out, which is no valgus).
            return F($"Both knees stayed over the feet at the bottom (left {Signed(l)}°, right {Signed(r)}°) — {against}.");
        }

        if (Math.Round(diff, MidpointRounding.AwayFromZero) < NamedDifferenceDeg)
        {
            return F($"Both knees caved in about equally at the bottom (left {Round(l)}°, right {Round(r)}°) — {against}.");
        }

        double other = worse == Side.Left ? r : l;
        return F($"{worse.ToTitle()} knee caved in {Round(worst)}° at the bottom, {Round(diff)}° more than the {worse.Opposite().ToName()} ({Signed(other)}°) — {against}.");
    }

    /// <summary>"Left leg led: the front knee caved in 12° at the bottom — above your 10° limit."</summary>
    public static string Lunge(Side? lead, double? bottom, double? peak, double limit)
    {
        if (lead is not { } front)
        {
            return "Which leg was in front could not be told, so the front knee was not measured.";
        }

        string led = F($"{front.ToTitle()} leg in front: the front knee");
        if (bottom is not { } b)
        {
            return peak is { } p
                ? F($"{led} angle could not be measured at the bottom (peak {Round(p)}° elsewhere in the rep).")
                : F($"{led} angle could not be measured at the bottom.");
        }

        string sentence = b >= limit
            ? F($"{led} caved in {Round(b)}° at the bottom — above your {Round(limit)}° limit")
            : b >= Math.Min(AlignedBelowDeg, limit)
                ? F($"{led} caved in {Round(b)}° at the bottom — within your {Round(limit)}° limit")
                : F($"{led} stayed over the foot at the bottom ({Signed(b)}°) — within your {Round(limit)}° limit");
        if (peak is { } pk && pk >= limit && b < limit)
        {
            sentence += F($", but peaked at {Round(pk)}° on the way");
        }

        return sentence + ".";
    }

    private static string Round(double v) => Math.Round(v, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>Whole degrees with a sign only when negative (bowing out), and never "-0".</summary>
    private static string Signed(double v)
    {
        double r = Math.Round(v, MidpointRounding.AwayFromZero);
        return (r == 0 ? 0 : r).ToString("0", CultureInfo.InvariantCulture);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
