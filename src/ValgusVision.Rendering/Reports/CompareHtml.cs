using System.Globalization;
using System.Net;
using System.Text;
using ValgusVision.Domain.Compare;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// The page frame and the leg card the comparison and progress pages share: one self-contained file (inline CSS,
/// charts as data URIs, no script), one column on a phone, an untrusted leg grey with its reason above its number.
/// </summary>
internal static class CompareHtml
{
    private const string Css = """
        :root { --ink: #1d2733; --muted: #5d6b7a; --grey: #9e9e9e; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; background: #f4f6f8; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 2px solid #e3e8ee; padding-bottom: 4px; }
        .sub { color: var(--muted); margin: 0 0 16px; }
        .untrusted { border-left: 6px solid #888; background: #f1f1f1; padding: 10px 14px; margin: 12px 0; }
        .muted { color: var(--muted); }
        .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        .side { border: 1px solid #e3e8ee; border-radius: 8px; padding: 14px 16px; }
        .side h3 { margin: 0 0 8px; font-size: 17px; display: flex; justify-content: space-between; align-items: center; gap: 8px; }
        .side.grey { background: #f7f7f7; }
        .side.grey p { color: #666; }
        .badge { font-size: 13px; color: #fff; border-radius: 12px; padding: 3px 10px; white-space: nowrap; }
        .big { font-size: 30px; font-weight: bold; }
        .side p { margin: 6px 0; }
        .why { font-size: 14px; }
        .diff { font-size: 17px; margin: 16px 0; }
        figure { margin: 12px 0; }
        figure img { width: 100%; height: auto; border: 1px solid #e3e8ee; border-radius: 4px; }
        figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        table.fixed { table-layout: fixed; }
        th.num { text-align: right; }
        th, td { border-bottom: 1px solid #e3e8ee; padding: 6px; text-align: left; vertical-align: top; }
        th { background: #f0f3f6; }
        td.num { text-align: right; }
        td.text { text-align: right; overflow-wrap: anywhere; font-size: 13px; }
        td.grey { color: #777; }
        td small { display: block; color: #777; font-size: 12px; white-space: normal; }
        .file { overflow-wrap: anywhere; }
        ul { padding-left: 20px; }
        li { margin: 4px 0; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
        @media print { body { background: #fff; } main { padding: 0; } h2 { break-after: avoid; } figure, tr, .side { break-inside: avoid; } }
        @media (max-width: 760px) { main { padding: 16px 14px 32px; } .sides { grid-template-columns: 1fr; } h1 { font-size: 22px; } table { font-size: 13px; } th, td { padding: 5px 4px; } }
        """;

    public static StringBuilder Open(string title, string subtitle)
    {
        var html = new StringBuilder(32 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"sub\">").Append(E(subtitle)).Append("</p>\n");
        return html;
    }

    public static string Close(StringBuilder html, string toolVersion)
    {
        html.Append("<h2>How to read these numbers</h2>\n<ul>\n");
        foreach (var caveat in ReportText.ClinicalCaveats)
        {
            html.Append("<li>").Append(E(caveat)).Append("</li>\n");
        }

        html.Append("<li>A leg whose accuracy is unknown is shown in grey with the reason, and is never compared with the other leg or with your limit.</li>\n</ul>\n");
        html.Append("<footer>Made with ValgusVision ").Append(E(toolVersion)).Append(" from the sessions' report.json files. Numbers are rounded for reading; the JSON holds them in full.</footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>One leg: badge, mean knee angle at the bottom (grey with its reason when untrusted), the details and the verdict.</summary>
    public static void LegCard(StringBuilder html, LegReading leg, string? recording)
    {
        bool grey = !leg.Trust.IsTrusted;
        string colour = CompareText.Colour(leg);
        html.Append("<section class=\"side").Append(grey ? " grey" : string.Empty).Append("\" id=\"leg-").Append(leg.Side.ToString().ToLowerInvariant()).Append("\">\n<h3>")
            .Append(leg.Side).Append(" leg <span class=\"badge\" style=\"background:").Append(colour).Append("\">").Append(E(CompareText.Badge(leg))).Append("</span></h3>\n");
        if (grey)
        {
            html.Append("<p class=\"why\"><strong>Accuracy unknown:</strong> ").Append(E(leg.Trust.Reason ?? string.Empty)).Append(".</p>\n");
        }

        var m = leg.Measures;
        string accuracy = !grey && leg.Session.Accuracy is { } a ? " (" + a + ")" : string.Empty;
        html.Append("<p><span class=\"big\" style=\"color:").Append(colour).Append("\">").Append(E(ReportText.Deg(m.FppaAtBottom.Mean)))
            .Append("</span> mean knee angle at the bottom").Append(E(accuracy)).Append("</p>\n");
        html.Append("<p>").Append(E(F($"{m.RepCount} reps · SD {ReportText.Number(m.FppaAtBottom.StandardDeviation)}° · worst {ReportText.Deg(m.FppaAtBottom.Worst)} · {m.RepsWithEvents} reps over the {leg.Session.ThresholdDeg:0.#}° limit · {m.EventCount} valgus events · hip shift {ReportText.Pct(m.PeakHipShift.Mean)}"))).Append("</p>\n");
        html.Append("<p>").Append(E(CompareText.Verdict(leg))).Append("</p>\n");
        if (recording is not null)
        {
            html.Append("<p class=\"muted file\">").Append(E(recording)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    public static void Notes(StringBuilder html, IReadOnlyList<string> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        html.Append("<h2>Notes</h2>\n<ul id=\"notes\">\n");
        foreach (var note in notes)
        {
            html.Append("<li>").Append(E(note)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
