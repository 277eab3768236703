using System.Globalization;
using ValgusVision.Domain.Compare;

namespace ValgusVision.Rendering.Reports;

/// <summary>The progress report's words, shared by its HTML, its JSON-free console table and its tests.</summary>
public static class ProgressText
{
    /// <summary>A session's leg in a table cell: "12.3° ± 1.0°", "not tested", or the number marked as not trusted.</summary>
    public static string Cell(LegReading leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        if (!leg.Measures.Tested)
        {
            return "not tested";
        }

        if (leg.Measures.FppaAtBottom.Mean is null)
        {
            return "not measured";
        }

        return leg.Trust.IsTrusted ? CompareText.MeanSd(leg) : CompareText.MeanSd(leg) + " (not trusted)";
    }

    /// <summary>The leg's change over the sessions in one sentence, from its first trusted session to its last.</summary>
    public static string Change(LegProgress leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        string side = leg.Side.ToString();
        if (leg.TestedSessions == 0)
        {
            return $"{side} leg: not tested in these sessions.";
        }

        string trusted = F($"{leg.TrustedSessions} of {leg.TestedSessions} sessions trusted");
        if (leg.First is not { } first)
        {
            return $"{side} leg: no session's knee angle can be trusted ({trusted}); no change is shown.";
        }

        double firstDeg = LegProgress.Leg(first, leg.Side).Measures.FppaAtBottom.Mean!.Value;
        if (leg.Last is not { } last || leg.ChangeDeg is not { } change)
        {
            return F($"{side} leg: {firstDeg:0.0}° in week {first.Week}, the only trusted session ({trusted}); no change yet.");
        }

        double lastDeg = LegProgress.Leg(last, leg.Side).Measures.FppaAtBottom.Mean!.Value;
        string weeks = F($"{(last.DaysSinceFirst - first.DaysSinceFirst) / 7.0:0.0} weeks");
        string direction = change <= -0.05 ? "the knee caves in less" : change >= 0.05 ? "the knee caves in more" : "no change";
        return F($"{side} leg: {firstDeg:0.0}° (week {first.Week}) → {lastDeg:0.0}° (week {last.Week}), {ReportText.Number(change, "+0.0;-0.0;0.0")}° over {weeks}: {direction} ({trusted}).");
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
