using System.Globalization;
using static ValgusVision.Web.Pages.Html;

namespace ValgusVision.Web.Pages;

/// <summary>
/// A drill live session's result on its page: the per-leg position-sense error from the drill-summary.csv stored when
/// the session ended (the live command's own table), with it and the per-trial drill.csv to download.
/// </summary>
internal static class DrillCard
{
    // The names the live command's recorder gives the same two files, so a web session's folder reads like a CLI one.
    public const string SummaryFile = ValgusVision.Live.Session.LiveRecorder.DrillSummaryFile;
    public const string TrialsFile = ValgusVision.Live.Session.LiveRecorder.DrillFile;

    public static SafeHtml Of(long sessionId, string sessionFolder)
    {
        string path = Path.Combine(sessionFolder, SummaryFile);
        if (!File.Exists(path))
        {
            return SafeHtml.Empty;
        }

        // side,trials,mean_abs_error_deg,mean_fppa_deg,trend_deg_per_trial; an empty cell is unknown.
        var rows = File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Where(c => c.Length == 5).Select(c => H($"""
            <tr><th>{c[0]} leg</th><td>{c[1]}</td><td>{Degrees(Number(c[2]))}</td><td>{Degrees(Number(c[3]))}</td><td>{Degrees(Number(c[4]))}</td></tr>
            """));
        return H($"""
            <div class="card" id="drill"><h2 style="margin-top:0">Position-sense drill</h2>
            <div class="table-wrap"><table><thead><tr><th>Leg</th><th>Trials</th><th>Error (mean |FPPA| at the holds)</th><th>Mean FPPA (+ valgus)</th><th>Trend per trial</th></tr></thead>
            <tbody id="drill-legs">{rows}</tbody></table></div>
            <p>Files: <a href="/sessions/{sessionId}/files/{SummaryFile}" download>{SummaryFile}</a> <a href="/sessions/{sessionId}/files/{TrialsFile}" download>{TrialsFile}</a></p></div>
            """);
    }

    private static double? Number(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
}
