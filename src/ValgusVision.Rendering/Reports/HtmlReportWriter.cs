using System.Globalization;
using System.Net;
using System.Text;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Charts;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// Writes report.html: one self-contained file (inline CSS, charts and pictures as data URIs, no script, no
/// network) that a physiotherapist can hand to a client — summary and verdict per side, charts, the reps table,
/// each rep's bottom frame, quality warnings and the method's caveats, then the settings.
/// </summary>
public static class HtmlReportWriter
{
    private const string Css = """
        :root { --green: #2ecc71; --amber: #f5a623; --red: #e74c3c; --grey: #9e9e9e; --ink: #1d2733; --muted: #5d6b7a; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; background: #f4f6f8; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 2px solid #e3e8ee; padding-bottom: 4px; }
        .sub { color: var(--muted); margin: 0 0 16px; }
        .alert { border-left: 6px solid var(--red); background: #fdecea; padding: 10px 14px; margin: 12px 0; }
        .untrusted { border-left: 6px solid #888; background: #f1f1f1; padding: 10px 14px; margin: 12px 0; }
        .untrusted-verdict { color: #666; }
        .recorded { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
        .warn { border-left: 6px solid var(--amber); background: #fff6e5; padding: 8px 14px; margin: 12px 0; }
        .warn ul { margin: 6px 0 0; }
        table.who { width: auto; font-size: 15px; margin: 8px 0 16px; }
        table.who th { background: none; color: var(--muted); font-weight: normal; padding: 3px 18px 3px 0; border: 0; }
        table.who td { padding: 3px 0; border: 0; }
        .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        .sides.one { grid-template-columns: minmax(0, 560px); }
        .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
        .scroll table { min-width: 760px; }
        .scroll td { white-space: nowrap; }
        .scroll td.verdict { white-space: normal; }
        .scroll .says { position: sticky; left: 6px; max-width: calc(100vw - 90px); }
        picture, picture img { display: block; }
        .appendix { margin-top: 40px; border-top: 3px solid #e3e8ee; }
        h3 { font-size: 16px; margin: 20px 0 8px; }
        .side { border: 1px solid #e3e8ee; border-radius: 8px; padding: 14px 16px; }
        .side h3 { margin: 0 0 8px; font-size: 17px; display: flex; justify-content: space-between; align-items: center; }
        .badge { font-size: 13px; color: #fff; border-radius: 12px; padding: 3px 10px; }
        .big { font-size: 30px; font-weight: bold; }
        .side p { margin: 6px 0; }
        .asym { margin-top: 10px; color: var(--muted); }
        figure { margin: 12px 0; }
        figure img { width: 100%; height: auto; border: 1px solid #e3e8ee; border-radius: 4px; }
        figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { border-bottom: 1px solid #e3e8ee; padding: 5px 6px; text-align: left; vertical-align: top; }
        th { background: #f0f3f6; }
        td.num { text-align: right; white-space: nowrap; }
        .verdict { color: var(--muted); font-size: 12px; }
        .frames { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        ul { padding-left: 20px; }
        li { margin: 4px 0; }
        .facts td:first-child { color: var(--muted); width: 34%; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
        @media print { body { background: #fff; } main { padding: 0; } h2 { break-after: avoid; } figure, tr { break-inside: avoid; } .appendix { break-before: page; } .scroll { overflow: visible; } .scroll table { min-width: 0; } }
        @media (max-width: 760px) { .sides, .frames, .sides.one { grid-template-columns: 1fr; } main { padding: 16px 14px 32px; } h1 { font-size: 22px; } .big { font-size: 26px; } }
        """;

    /// <summary>The phone charts' width in CSS pixels: a 390 px screen less the page's margins.</summary>
    private const int PhoneChartWidth = 360;

    public static void WriteFile(AnalysisReport report, string path) =>
        File.WriteAllText(path, Render(report), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    public static string Render(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var analysis = report.Analysis;
        var html = new StringBuilder(64 * 1024);
        var title = ClientPage.Title(report);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(title + " — " + (report.Client ?? report.Input.FileName))).Append("</title>\n");
        html.Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n");

        // The client page: who, when, which test, what went wrong, then the verdict per leg.
        html.Append("<h1>").Append(E(title)).Append("</h1>\n");
        html.Append("<p class=\"recorded\">").Append(E(ClientPage.RecordedLine(report))).Append("</p>\n<table id=\"client\" class=\"who\">\n");
        foreach (var (label, value) in ClientPage.Header(report))
        {
            html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        AppendAlerts(html, report);
        if (analysis.Ankle is { } ankle)
        {
            // A side-view lunge: the knee's frontal-plane numbers mean nothing here, so only the ankle's are shown.
            AnkleHtmlSection.Append(html, ankle);
        }
        else
        {
            AppendSummary(html, report);
            AppendCharts(html, analysis, report.EffectiveTrust.IsTrusted);
            AppendReps(html, report);
            AppendFrames(html, report);
        }

        html.Append("<h2>How to read these numbers</h2>\n<ul>\n");
        foreach (var caveat in analysis.Ankle is null ? ReportText.ClinicalCaveats : AnkleReportText.Caveats)
        {
            html.Append("<li>").Append(E(caveat)).Append("</li>\n");
        }

        html.Append("</ul>\n");

        // The technical appendix, for the clinician: the recording, the model, the accuracy and the options used.
        html.Append("<section id=\"appendix\" class=\"appendix\">\n<h2>Technical appendix</h2>\n");
        AppendFacts(html, "About this recording", ReportFacts.Recording(report), "recording");
        AppendFacts(html, "Settings", ReportFacts.Settings(report), "settings");
        html.Append("</section>\n");
        html.Append("<footer>Made with ValgusVision ").Append(E(report.ToolVersion)).Append(". Numbers are rounded to a tenth for reading; report.json holds them in full.</footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Everything a reader must know before the numbers, in order of weight: red alerts, then grey notes, then the recording's problems.</summary>
    private static void AppendAlerts(StringBuilder html, AnalysisReport report)
    {
        if (!report.Complete)
        {
            html.Append("<p class=\"alert\"><strong>Incomplete report.</strong> ").Append(E(report.IncompleteReason ?? "The input could not be read to its end.")).Append(" The numbers below cover the part that was read.</p>\n");
        }

        if (report.NoPersonFound)
        {
            html.Append("<p class=\"alert\"><strong>No person was found in any frame.</strong> Nothing could be measured. Film the whole body from the front, in good light, with nobody else in view.</p>\n");
        }

        var trust = report.EffectiveTrust;
        if (report.Analysis.Ankle is null && !trust.IsTrusted)
        {
            // Where the eye goes first: an untrusted number is grey, and why stands above it.
            html.Append("<p class=\"untrusted\"><strong>Accuracy unknown: ").Append(E(trust.Reason ?? string.Empty))
                .Append(".</strong> The knee angles and verdicts below are shown in grey: they are not compared with your limit.</p>\n");
        }

        if (report.Analysis.Ankle is null && ReportText.NotMeasured(report.Analysis.Summary) is { } notMeasured)
        {
            html.Append("<p class=\"untrusted\">").Append(E(notMeasured)).Append("</p>\n");
        }

        var warnings = ClientPage.Warnings(report);
        if (warnings.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"warn\"><strong>Check the recording:</strong>\n<ul id=\"warnings\">\n");
        foreach (var warning in warnings)
        {
            html.Append("<li>").Append(E(warning)).Append("</li>\n");
        }

        html.Append("</ul></div>\n");
    }

    private static void AppendSummary(StringBuilder html, AnalysisReport report)
    {
        var analysis = report.Analysis;
        var summary = analysis.Summary;
        var settings = analysis.Settings;
        var accuracy = report.FppaAccuracy is { } a ? " (" + a + ")" : string.Empty;
        var trust = report.EffectiveTrust;
        html.Append("<h2>Result</h2>\n");
        html.Append("<p>").Append(E(ClientPage.Overview(report))).Append("</p>\n");
        var tested = ClientPage.TestedSides(summary);
        if (tested.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"sides").Append(tested.Count == 1 ? " one" : string.Empty).Append("\">\n");
        foreach (var side in tested)
        {
            var colour = !trust.IsTrusted ? OverlayPalette.Grey : OverlayPalette.For(ReportText.Band(side.FppaAtBottom.Mean, settings));
            html.Append("<section class=\"side\">\n<h3>").Append(side.Side.ToTitle()).Append(" leg <span class=\"badge\" style=\"background:")
                .Append(OverlayPalette.Css(colour)).Append("\">").Append(E(ReportText.SideBadge(side, settings, trust.IsTrusted))).Append("</span></h3>\n");
            html.Append("<p><span class=\"big\" style=\"color:").Append(OverlayPalette.Css(colour)).Append("\">")
                .Append(E(ReportText.Deg(side.FppaAtBottom.Mean))).Append("</span> mean knee angle at the bottom").Append(E(side.RepCount > 0 ? accuracy : string.Empty)).Append("</p>\n");
            html.Append("<p>").Append(E(ClientPage.SideStats(side, trust.IsTrusted))).Append("</p>\n");
            html.Append(trust.IsTrusted ? "<p>" : "<p class=\"untrusted-verdict\">").Append(E(ReportText.SideVerdict(side, settings, trust.IsTrusted))).Append("</p>\n</section>\n");
        }

        html.Append("</div>\n");
        if (ClientPage.Untested(summary) is { } untested)
        {
            html.Append("<p class=\"asym\">").Append(E(untested)).Append("</p>\n");
        }

        if (ClientPage.Asymmetry(summary) is { } asym)
        {
            html.Append("<p class=\"asym\">").Append(E(asym)).Append("</p>\n");
        }
    }

    private static void AppendCharts(StringBuilder html, SessionAnalysis analysis, bool trusted)
    {
        html.Append("<h2>Over time</h2>\n");
        AppendChart(html, "chart-fppa", "Knee angle (FPPA) over time", SessionCharts.FppaCaption(trusted),
            SessionCharts.FppaOverTime(analysis, trusted: trusted), SessionCharts.FppaOverTime(analysis, PhoneChartWidth, 320, 2f, trusted));
        AppendChart(html, "chart-hip-shift", "Hip shift over time", SessionCharts.HipShiftCaption,
            SessionCharts.HipShiftOverTime(analysis, trusted: trusted), SessionCharts.HipShiftOverTime(analysis, PhoneChartWidth, 280, 2f, trusted));
    }

    /// <summary>
    /// A chart at two sizes: a wide one, and for a phone (up to 600 px) one drawn for its width at twice the pixels,
    /// so the axis labels read at the size of the text around them instead of shrunk to a third.
    /// </summary>
    private static void AppendChart(StringBuilder html, string id, string alt, string caption, byte[] wide, byte[] phone)
    {
        html.Append("<figure><picture><source media=\"(max-width: 600px)\" srcset=\"data:image/png;base64,").Append(Convert.ToBase64String(phone))
            .Append("\"><img id=\"").Append(id).Append("\" alt=\"").Append(E(alt)).Append("\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(wide)).Append("\"></picture>\n<figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
    }

    private static void AppendReps(StringBuilder html, AnalysisReport report)
    {
        var analysis = report.Analysis;
        html.Append("<h2>Reps</h2>\n");
        if (analysis.Reps.IsDefaultOrEmpty)
        {
            html.Append("<p>No reps were found.</p>\n");
            return;
        }

        // On a phone the twelve columns scroll sideways inside their box; the page itself never does.
        html.Append("<div class=\"scroll\">\n");
        AppendTableStart(html, "reps", RepTable.Headers);
        foreach (var rep in analysis.Reps)
        {
            var colour = OverlayPalette.Css(report.EffectiveTrust.IsTrusted ? OverlayPalette.For(RepTable.Band(rep, analysis.Settings)) : OverlayPalette.Grey);
            var cells = RepTable.Cells(rep);
            html.Append("<tr>");
            for (var i = 0; i < cells.Count; i++)
            {
                var style = i is 4 or 5 ? $" style=\"color:{colour};font-weight:bold\"" : string.Empty;
                html.Append(i >= 3 ? "<td class=\"num\"" : "<td").Append(style).Append('>').Append(E(cells[i])).Append("</td>");
            }

            html.Append("</tr>\n<tr><td></td><td colspan=\"").Append(cells.Count - 1).Append("\" class=\"verdict\"><div class=\"says\">")
                .Append(E(RepWords.Verdict(rep, analysis.Settings, report.EffectiveTrust.IsTrusted))).Append("</div></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void AppendFrames(StringBuilder html, AnalysisReport report)
    {
        var images = report.RepBottomImages;
        if (images is null || images.IsEmpty)
        {
            return;
        }

        html.Append("<h2>Each rep at its bottom</h2>\n<div class=\"frames\">\n");
        foreach (var rep in report.Analysis.Reps)
        {
            if (!images.TryGetValue(rep.Index, out var bytes))
            {
                continue;
            }

            var caption = RepTable.Caption(rep, report.Analysis);
            html.Append("<figure><img class=\"rep-frame\" alt=\"").Append(E(caption)).Append("\" src=\"data:")
                .Append(ImageMime(bytes)).Append(";base64,").Append(Convert.ToBase64String(bytes)).Append("\">\n<figcaption>")
                .Append(E(caption)).Append("</figcaption></figure>\n");
        }

        html.Append("</div>\n");
    }

    private static void AppendFacts(StringBuilder html, string title, IReadOnlyList<(string Label, string Value)> facts, string id)
    {
        html.Append("<h3>").Append(E(title)).Append("</h3>\n<table id=\"").Append(id).Append("\" class=\"facts\">\n");
        foreach (var (label, value) in facts)
        {
            html.Append("<tr><td>").Append(E(label)).Append("</td><td>").Append(E(value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string ImageMime(byte[] bytes) =>
        bytes.Length > 3 && bytes[0] == 0x89 && bytes[1] == (byte)'P' ? "image/png" : "image/jpeg";

    /// <summary>Opens a table: its id, a header row of escaped <paramref name="headers"/>, and the body.</summary>
    internal static void AppendTableStart(StringBuilder html, string id, IEnumerable<string> headers)
    {
        html.Append("<table id=\"").Append(id).Append("\">\n<thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
