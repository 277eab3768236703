using System.Text;
using ValgusVision.Domain.Compare;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Charts;
using static ValgusVision.Rendering.Reports.CompareHtml;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// Writes progress.html: one person's sessions in recording order — per leg the change from the first trusted
/// session to the last and a chart over the weeks, then a table of every session. Untrusted sessions are grey with
/// their reason and left off the charts' values.
/// </summary>
public static class ProgressHtmlWriter
{
    public static void WriteFile(ProgressReport progress, string toolVersion, string path) =>
        File.WriteAllText(path, Render(progress, toolVersion), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    public static string Render(ProgressReport progress, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var first = progress.Sessions[0].Session;
        var last = progress.Sessions[^1].Session;
        string who = progress.Client is { } client ? client + " · " : string.Empty;
        string rate = progress.SessionsPerWeek is { } perWeek ? F($", {perWeek:0.0} a week") : string.Empty;
        string span = progress.Sessions.Count == 1 ? CompareText.Date(first) : CompareText.Date(first) + " – " + CompareText.Date(last);
        var html = Open(
            $"Progress — {CompareText.ExerciseTitle(progress.Exercise)}",
            who + F($"{progress.Sessions.Count} sessions over {progress.SpanDays / 7.0:0.0} weeks{rate} · ") + span);
        int untrusted = progress.Sessions.Count(s => Untrusted(s.Left) || Untrusted(s.Right));
        if (untrusted > 0)
        {
            html.Append("<p class=\"untrusted\" id=\"untrusted\"><strong>").Append(F($"{untrusted} of {progress.Sessions.Count}"))
                .Append(" sessions cannot be trusted</strong> (reasons in the table): they are shown in grey and left out of the charts and the change.</p>\n");
        }

        html.Append("<h2>Change per leg</h2>\n<ul id=\"change\">\n");
        foreach (var side in new[] { Side.Left, Side.Right })
        {
            html.Append("<li>").Append(E(ProgressText.Change(progress.Leg(side)))).Append("</li>\n");
        }

        html.Append("</ul>\n");
        foreach (var side in new[] { Side.Left, Side.Right })
        {
            AppendChart(html, progress, side);
        }

        AppendTable(html, progress);
        Notes(html, progress.Notes);
        return Close(html, toolVersion);
    }

    private static bool Untrusted(LegReading leg) => leg.Measures.Tested && !leg.Trust.IsTrusted;

    /// <summary>A wide picture for a desktop and a compact one for a phone, chosen by the browser (no script).</summary>
    private static void AppendChart(StringBuilder html, ProgressReport progress, Side side)
    {
        if (ProgressCharts.FppaPerSession(progress, side) is not { } wide || ProgressCharts.FppaPerSession(progress, side, compact: true) is not { } narrow)
        {
            return;
        }

        string id = "chart-" + side.ToName();
        html.Append("<figure><picture><source media=\"(max-width: 760px)\" srcset=\"data:image/png;base64,").Append(Convert.ToBase64String(narrow))
            .Append("\"><img id=\"").Append(id).Append("\" alt=\"").Append(side).Append(" knee angle at the bottom per session\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(wide)).Append("\"></picture>\n<figcaption>")
            .Append(E(side.ToString())).Append(" leg: the mean knee angle at the bottom of each session's reps (dot) ± its SD (bar), by weeks since the first session. Dashed red line: the limit. Grey dotted line: a session whose accuracy is unknown, not charted.</figcaption></figure>\n");
    }

    private static void AppendTable(StringBuilder html, ProgressReport progress)
    {
        html.Append("<h2>Sessions</h2>\n<table id=\"sessions\" class=\"fixed\">\n<colgroup><col style=\"width:26%\"><col style=\"width:12%\"><col style=\"width:25%\"><col style=\"width:25%\"><col style=\"width:12%\"></colgroup>\n<thead><tr><th>Date</th><th class=\"num\">Week</th><th class=\"num\">Left</th><th class=\"num\">Right</th><th class=\"num\">Events L / R</th></tr></thead>\n<tbody>\n");
        foreach (var s in progress.Sessions)
        {
            html.Append("<tr><td>").Append(E(CompareText.ShortDate(s.Session))).Append("<small class=\"file\">").Append(E(s.Session.FileName)).Append("</small></td>");
            html.Append("<td class=\"num\">").Append(F($"{s.Week}")).Append("<small>").Append(F($"day {s.DaysSinceFirst + 1}")).Append("</small></td>");
            Leg(html, s.Left);
            Leg(html, s.Right);
            html.Append("<td class=\"num\">").Append(Events(s.Left)).Append(" / ").Append(Events(s.Right)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (progress.Sessions.Any(s => !s.Session.DateIsRecording))
        {
            html.Append("<p class=\"muted\">* the date the recording was analysed: its report does not say when it was recorded.</p>\n");
        }
    }

    /// <summary>The leg's cell: coloured against that session's limit when trusted, grey with the reason when not.</summary>
    private static void Leg(StringBuilder html, LegReading leg)
    {
        bool grey = !leg.Trust.IsTrusted;
        html.Append(grey ? "<td class=\"num grey\">" : "<td class=\"num\">");
        html.Append(grey || !leg.Measures.Tested ? "<span>" : "<span style=\"color:" + CompareText.Colour(leg) + ";font-weight:bold\">")
            .Append(E(ProgressText.Cell(leg))).Append("</span>");
        if (grey && leg.Measures.Tested)
        {
            html.Append("<small>").Append(E(leg.Trust.Reason ?? string.Empty)).Append("</small>");
        }

        html.Append("</td>");
    }

    private static string Events(LegReading leg) => leg.Measures.Tested ? F($"{leg.Measures.EventCount}") : "–";
}
