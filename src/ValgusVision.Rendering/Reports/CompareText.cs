using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Compare;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// The words and colours the comparison and progress reports give a leg: the same badge and sentence as the
/// session's own report (<see cref="ReportText"/>), so a leg reads alike in both; grey whenever it is not trusted.
/// </summary>
public static class CompareText
{
    /// <summary>"Single-leg squat": the exercise's title, capitalised for a heading.</summary>
    public static string ExerciseTitle(string exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        string title = ExerciseNames.Parse(exercise)?.ToTitle() ?? exercise;
        return title.Length == 0 ? title : char.ToUpperInvariant(title[0]) + title[1..];
    }

    public static string Badge(LegReading leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return !leg.Measures.Tested ? "Not tested" : ReportText.SideBadge(Summary(leg), Settings(leg), leg.Trust.IsTrusted);
    }

    public static string Verdict(LegReading leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return ReportText.SideVerdict(Summary(leg), Settings(leg), leg.Trust.IsTrusted);
    }

    /// <summary>Green, amber or red against the leg's own limit; grey when untrusted or not measured.</summary>
    public static string Colour(LegReading leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        if (!leg.Trust.IsTrusted || leg.Measures.FppaAtBottom.Mean is null)
        {
            return OverlayPalette.Css(OverlayPalette.Grey);
        }

        return OverlayPalette.Css(OverlayPalette.For(FppaBands.ForThreshold(leg.Session.ThresholdDeg).Classify(leg.Measures.FppaAtBottom.Mean)));
    }

    /// <summary>"12.3° ± 2.1°", "—" when not measured.</summary>
    public static string MeanSd(LegReading leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return ReportText.MeanSd(leg.Measures.FppaAtBottom, "°");
    }

    /// <summary>The right-minus-left difference in words, or why the legs were not compared.</summary>
    public static string Difference(LeftRightComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (comparison.FppaDiffDeg is not { } diff)
        {
            return "Not compared: the accuracy is unknown for the " + comparison.NotComparedReason + ".";
        }

        string worse = comparison.WorseSide is { } w ? $"The {w.ToString().ToLowerInvariant()} knee caves in more." : "The two knees are alike (under 1° apart).";
        return F($"Right minus left: knee angle at the bottom {diff:+0.0;-0.0;0.0}°, hip shift {ReportText.Number(comparison.HipShiftDiffPct, "+0.0;-0.0;0.0")} % of leg length. {worse}");
    }

    /// <summary>"4 December 2026" (UTC date, as the session reports print it).</summary>
    public static string Date(SessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Date.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + (session.DateIsRecording ? string.Empty : " (analysed)");
    }

    /// <summary>The two recordings' dates: one when the same, else each with its leg.</summary>
    public static string Dates(SessionRecord left, SessionRecord right)
    {
        string a = Date(left), b = Date(right);
        return a == b ? a : a + " (left) · " + b + " (right)";
    }

    /// <summary>"4 Dec 2026", with "*" when it is the analysis date (the table's footnote says so).</summary>
    public static string ShortDate(SessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Date.ToUniversalTime().ToString("d MMM yyyy", CultureInfo.InvariantCulture) + (session.DateIsRecording ? string.Empty : "*");
    }

    private static SideSummary Summary(LegReading leg) =>
        new(leg.Side, leg.Measures.RepCount, leg.Measures.FppaAtBottom, MetricStats.Empty, leg.Measures.PeakHipShift, MetricStats.Empty,
            leg.Measures.EventCount, leg.Measures.RepsWithEvents);

    private static AnalysisSettings Settings(LegReading leg) => AnalysisSettings.Default with { ValgusThresholdDeg = leg.Session.ThresholdDeg };

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
