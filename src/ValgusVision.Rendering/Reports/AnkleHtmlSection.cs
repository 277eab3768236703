using System.Net;
using System.Text;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Charts;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Reports;

/// <summary>The lunge test's part of report.html: per side the best angle and verdict, the difference, the chart and the attempts.</summary>
internal static class AnkleHtmlSection
{
    public static void Append(StringBuilder html, AnkleLungeResult ankle)
    {
        html.Append("<h2>Ankle dorsiflexion per leg</h2>\n");
        if (ankle.Left is null && ankle.Right is null)
        {
            html.Append("<p class=\"alert\"><strong>No tibial angle could be measured.</strong> ")
                .Append(E(ankle.Problems.IsDefaultOrEmpty ? "No attempt was found." : ankle.Problems[0])).Append("</p>\n");
        }
        else
        {
            html.Append("<div class=\"sides\" id=\"ankle-sides\">\n");
            foreach (var leg in (ReadOnlySpan<Side>)[Side.Left, Side.Right])
            {
                if (ankle.For(leg) is { } side)
                {
                    AppendCard(html, side, ankle.Settings);
                }
                else
                {
                    // The leg this recording did not test: said, so the missing difference is not a mystery.
                    string grey = OverlayPalette.Css(OverlayPalette.Grey);
                    html.Append("<section class=\"side\">\n<h3>").Append(E(leg.ToTitle())).Append(" ankle <span class=\"badge\" style=\"background:")
                        .Append(grey).Append("\">").Append(E(AnkleReportText.NotTestedBadge)).Append("</span></h3>\n");
                    html.Append("<p>").Append(E(AnkleReportText.NotTested(leg, ankle.Settings))).Append("</p>\n</section>\n");
                }
            }

            html.Append("</div>\n");
            if (ankle.DifferenceSentence is { } difference)
            {
                html.Append("<p class=\"asym\" id=\"ankle-difference\">").Append(E(difference)).Append("</p>\n");
            }

            html.Append("<p class=\"asym\">").Append(E(AnkleReportText.CutOffs(ankle.Settings))).Append("</p>\n");
        }

        html.Append("<figure><img id=\"chart-shank\" alt=\"Shank angle over time\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(AnkleCharts.ShankAngleOverTime(ankle))).Append("\">\n");
        html.Append("<figcaption>").Append(E(AnkleReportText.ChartCaption(ankle.Settings))).Append("</figcaption></figure>\n");

        html.Append("<h2>Attempts</h2>\n");
        if (ankle.AllAttempts.IsDefaultOrEmpty)
        {
            html.Append("<p>No attempts were found.</p>\n");
            return;
        }

        HtmlReportWriter.AppendTableStart(html, "attempts", AnkleReportText.AttemptHeaders);
        foreach (var attempt in ankle.AllAttempts)
        {
            var side = ankle.For(attempt.Side)!;
            var cells = AnkleReportText.AttemptCells(attempt, side);
            html.Append("<tr>");
            for (int i = 0; i < cells.Count; i++)
            {
                string style = i == 3 && attempt.HeelLift ? " style=\"color:" + OverlayPalette.Css(OverlayPalette.Amber) + ";font-weight:bold\"" : string.Empty;
                html.Append(i is 2 or 3 ? "<td class=\"num\"" : "<td").Append(style).Append('>').Append(E(cells[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendCard(StringBuilder html, AnkleSideResult side, AnkleLungeSettings settings)
    {
        var colour = side.Verdict switch
        {
            AnkleVerdict.Restricted => OverlayPalette.Red,
            AnkleVerdict.WithinNormal => OverlayPalette.Green,
            _ => OverlayPalette.Grey,
        };
        string css = OverlayPalette.Css(colour);
        html.Append("<section class=\"side\">\n<h3>").Append(E(side.Side.ToTitle())).Append(" ankle <span class=\"badge\" style=\"background:")
            .Append(css).Append("\">").Append(E(AnkleReportText.Badge(side))).Append("</span></h3>\n");
        html.Append("<p><span class=\"big\" style=\"color:").Append(css).Append("\">").Append(E(AnkleReportText.Best(side)))
            .Append("</span> best tibial inclination, heel down</p>\n");
        if (side.ToeToWallApproxCm is not null)
        {
            html.Append("<p>").Append(E(AnkleReportText.ToeToWall(side))).Append("</p>\n");
        }

        html.Append("<p>").Append(E(AnkleReportText.Detail(side, settings))).Append("</p>\n</section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
