using System.Globalization;
using System.Net;
using System.Text;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// drill-report.html: the position-sense drill's own page (self-contained, no script): what the drill is, the error per
/// leg in words and as a table, then every trial. Fits a phone: the tables scroll sideways inside the page.
/// </summary>
public static class DrillHtmlReportWriter
{
    private const string Css = """
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2733; margin: 0; background: #f4f6f8; }
        main { max-width: 900px; margin: 0 auto; padding: 24px 24px 40px; background: #fff; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 2px solid #e3e8ee; padding-bottom: 4px; }
        .sub, .method, footer { color: #5d6b7a; }
        .alert { border-left: 6px solid #e74c3c; background: #fdecea; padding: 10px 14px; margin: 12px 0; }
        .leg { font-size: 17px; margin: 8px 0; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { border-bottom: 1px solid #e3e8ee; padding: 6px 8px; text-align: left; white-space: nowrap; }
        th { background: #f0f3f6; }
        td.num, th.num { text-align: right; }
        footer { margin-top: 28px; font-size: 12px; }
        @media (max-width: 500px) { main { padding: 16px 12px 32px; } h1 { font-size: 22px; } table { font-size: 13px; } }
        """;

    public static void WriteFile(DrillReport report, string path) =>
        File.WriteAllText(path, Render(report), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    public static string Render(DrillReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(8 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(DrillReport.Title + " — " + report.Input)).Append("</title>\n");
        html.Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>").Append(E(DrillReport.Title)).Append("</h1>\n");
        html.Append("<p class=\"sub\">").Append(E(report.Input)).Append(" · ")
            .Append(E(report.CreatedUtc.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture))).Append("</p>\n");
        if (report.IncompleteReason is { } reason)
        {
            html.Append("<p class=\"alert\"><strong>Incomplete session.</strong> ").Append(E(reason)).Append("</p>\n");
        }

        html.Append("<p class=\"method\">").Append(E(DrillReport.Method)).Append("</p>\n");
        html.Append("<h2>Error per leg</h2>\n");
        foreach (var leg in report.Legs)
        {
            html.Append("<p class=\"leg\">").Append(E(leg.Sentence)).Append("</p>\n");
        }

        Table(html, DrillReportTable.LegHeader, DrillReportTable.LegNumeric, report.Legs.Select(DrillReportTable.LegCells));
        html.Append("<h2>Trials</h2>\n");
        var trials = DrillReportTable.TrialRows(report).ToList();
        if (trials.Count == 0)
        {
            html.Append("<p>No trial was completed.</p>\n");
        }
        else
        {
            Table(html, DrillReportTable.TrialHeader, DrillReportTable.TrialNumeric, trials);
        }

        html.Append("<footer>ValgusVision ").Append(E(report.ToolVersion)).Append(" · trials and per-leg results also in drill.csv and drill-summary.csv</footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, string[] header, bool[] numeric, IEnumerable<string[]> rows)
    {
        html.Append("<div class=\"scroll\"><table>\n<tr>");
        for (int i = 0; i < header.Length; i++)
        {
            html.Append(numeric[i] ? "<th class=\"num\">" : "<th>").Append(E(header[i])).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                html.Append(numeric[i] ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table></div>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
