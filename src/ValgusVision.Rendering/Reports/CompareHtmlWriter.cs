using System.Text;
using ValgusVision.Domain.Compare;
using static ValgusVision.Rendering.Reports.CompareHtml;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// Writes compare.html: the left leg of one recording beside the right leg of another, their difference (or why
/// they were not compared), a table of both, and the notes on the pairing.
/// </summary>
public static class CompareHtmlWriter
{
    public static void WriteFile(LeftRightComparison comparison, string toolVersion, string path) =>
        File.WriteAllText(path, Render(comparison, toolVersion), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    public static string Render(LeftRightComparison comparison, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var (left, right) = (comparison.Left, comparison.Right);
        string who = comparison.Client is { } client ? client + " · " : string.Empty;
        var html = Open($"Left vs right — {CompareText.ExerciseTitle(comparison.Exercise)}", who + CompareText.Dates(left.Session, right.Session));
        if (comparison.NotComparedReason is { } why)
        {
            // Where the eye goes first: the legs are not compared, and why.
            html.Append("<p class=\"untrusted\" id=\"not-compared\"><strong>The legs are not compared</strong> because a leg's accuracy is unknown — ").Append(E(why)).Append(".</p>\n");
        }

        html.Append("<div class=\"sides\">\n");
        LegCard(html, left, "From " + left.Session.FileName + ", " + CompareText.Date(left.Session));
        LegCard(html, right, "From " + right.Session.FileName + ", " + CompareText.Date(right.Session));
        html.Append("</div>\n");
        if (comparison.FppaDiffDeg is not null)
        {
            html.Append("<p class=\"diff\" id=\"difference\"><strong>").Append(E(CompareText.Difference(comparison))).Append("</strong></p>\n");
        }

        AppendTable(html, comparison);
        Notes(html, comparison.Notes);
        return Close(html, toolVersion);
    }

    private static void AppendTable(StringBuilder html, LeftRightComparison comparison)
    {
        var (l, r) = (comparison.Left, comparison.Right);
        html.Append("<h2>Side by side</h2>\n<table id=\"compare\" class=\"fixed\">\n<colgroup><col style=\"width:34%\"><col style=\"width:24%\"><col style=\"width:24%\"><col style=\"width:18%\"></colgroup>\n<thead><tr><th></th><th class=\"num\">Left</th><th class=\"num\">Right</th><th class=\"num\">Right − left</th></tr></thead>\n<tbody>\n");
        Row(html, "Knee angle at the bottom, mean ± SD", CompareText.MeanSd(l), CompareText.MeanSd(r), Signed(comparison.FppaDiffDeg, "°"), l, r);
        Row(html, "Worst knee angle at the bottom", ReportText.Deg(l.Measures.FppaAtBottom.Worst), ReportText.Deg(r.Measures.FppaAtBottom.Worst), string.Empty, l, r);
        Row(html, "Hip shift, mean", ReportText.Pct(l.Measures.PeakHipShift.Mean), ReportText.Pct(r.Measures.PeakHipShift.Mean), Signed(comparison.HipShiftDiffPct, " %"), l, r);
        Row(html, "Reps", F($"{l.Measures.RepCount}"), F($"{r.Measures.RepCount}"), string.Empty);
        Row(html, "Reps over the limit", F($"{l.Measures.RepsWithEvents}"), F($"{r.Measures.RepsWithEvents}"), string.Empty, l, r);
        Row(html, "Valgus events", F($"{l.Measures.EventCount}"), F($"{r.Measures.EventCount}"), string.Empty, l, r);
        Row(html, "Limit", F($"{l.Session.ThresholdDeg:0.#}°"), F($"{r.Session.ThresholdDeg:0.#}°"), string.Empty);
        Row(html, "Accuracy", l.Session.Accuracy ?? ReportText.Undefined, r.Session.Accuracy ?? ReportText.Undefined, string.Empty, l, r, text: true);
        Row(html, "Recording", l.Session.FileName, r.Session.FileName, string.Empty, text: true);
        Row(html, "Date", CompareText.Date(l.Session), CompareText.Date(r.Session), string.Empty, text: true);
        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>A row; with legs given, an untrusted leg's cell is grey (its number is shown, never coloured).</summary>
    private static void Row(StringBuilder html, string label, string left, string right, string diff, LegReading? l = null, LegReading? r = null, bool text = false)
    {
        html.Append("<tr><td>").Append(E(label)).Append("</td>");
        foreach (var (cell, leg) in new[] { (left, l), (right, r) })
        {
            html.Append("<td class=\"").Append(text ? "text" : "num").Append(leg is { Trust.IsTrusted: false } ? " grey" : string.Empty).Append("\">").Append(E(cell)).Append("</td>");
        }

        html.Append("<td class=\"num\">").Append(E(diff)).Append("</td></tr>\n");
    }

    private static string Signed(double? value, string unit) =>
        value is null ? string.Empty : ReportText.Number(value, "+0.0;-0.0;0.0") + unit;

    private static string Dates(SessionRecord left, SessionRecord right)
    {
        string a = CompareText.Date(left), b = CompareText.Date(right);
        return a == b ? a : a + " (left) · " + b + " (right)";
    }
}
