using static ValgusVision.Web.Pages.Html;

namespace ValgusVision.Web.Pages;

/// <summary>
/// A guided live session's sets on its page: one line per set from the protocol.csv stored when the session ended
/// (written by the live socket, read only here), and the file itself to download.
/// </summary>
internal static class ProtocolCard
{
    public const string FileName = "protocol.csv";

    /// <summary>Summary is the last column; the ten before it hold no commas (numbers and fixed words).</summary>
    private const int ColumnsBeforeSummary = 10;

    public static string PathIn(string sessionFolder) => Path.Combine(sessionFolder, FileName);

    public static SafeHtml Of(long sessionId, string sessionFolder)
    {
        string path = PathIn(sessionFolder);
        if (!File.Exists(path))
        {
            return SafeHtml.Empty;
        }

        var sets = File.ReadLines(path).Skip(1).Select(Summary).Where(s => s.Length > 0).ToList();
        var body = sets.Count == 0
            ? H($"<p class=\"muted\">The guided protocol ran, but no set was finished.</p>")
            : H($"<ol id=\"protocol-sets\">{sets.Select(s => H($"<li>{s}</li>"))}</ol>");
        return H($"""
            <div class="card" id="protocol"><h2 style="margin-top:0">Guided protocol</h2>{body}
            <p>File: <a href="/sessions/{sessionId}/files/{FileName}" download>{FileName}</a></p></div>
            """);
    }

    private static string Summary(string row)
    {
        int at = -1;
        for (int i = 0; i < ColumnsBeforeSummary && at < row.Length; i++)
        {
            at = row.IndexOf(',', at + 1);
            if (at < 0)
            {
                return string.Empty;
            }
        }

        return row[(at + 1)..].Trim().Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal);
    }
}
