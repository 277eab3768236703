using System.Globalization;
using SkiaSharp;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Rendering.Charts;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Reports;

/// <summary>The lunge test's part of report.pdf: the HTML section's content on A4 (cards per side, chart, attempts).</summary>
internal static class AnklePdfSection
{
    public static void Write(PdfFlow flow, AnkleLungeResult ankle)
    {
        flow.HeadingText("Ankle: weight-bearing lunge test");
        var sides = new List<AnkleSideResult>();
        foreach (var side in new[] { ankle.Left, ankle.Right })
        {
            if (side is not null)
            {
                sides.Add(side);
            }
        }

        if (sides.Count == 0)
        {
            flow.Text("No tibial angle could be measured. " + (ankle.Problems.IsDefaultOrEmpty ? "No attempt was found." : ankle.Problems[0]), flow.Bold, PdfFlow.Ink);
            flow.Gap(6);
        }
        else
        {
            Cards(flow, sides);
            if (ankle.DifferenceSentence is { } difference)
            {
                flow.Text(difference, flow.Body, PdfFlow.Ink);
            }

            flow.Text(F($"Cut-offs: below {ankle.Settings.RestrictedBelowDeg:0}° is restricted; a left–right difference of {ankle.Settings.AsymmetryDeg:0.0}° or more is real. Sources: {ankle.Settings.Sources}."), flow.Small, PdfFlow.Muted);
            flow.Gap(6);
        }

        using (var chart = SKImage.FromEncodedData(AnkleCharts.ShankAngleOverTime(ankle, 900, 360, 2.5f)))
        {
            flow.Image(chart, PdfFlow.Margin, PdfFlow.ContentWidth);
        }

        flow.Text("The front leg's shank angle from the vertical (knee forward positive). Grey bands: attempts (dotted line at the frame each is read at). Amber: heel lifted. Dashed red line: the 35° cut-off. Gaps: not measurable.", flow.Small, PdfFlow.Muted);
        Attempts(flow, ankle);
    }

    private static void Cards(PdfFlow flow, List<AnkleSideResult> sides)
    {
        const float gap = 12f;
        float cardWidth = (PdfFlow.ContentWidth - gap) / 2;
        float inner = cardWidth - 20;
        float cardHeight = 0;
        foreach (var side in sides)
        {
            cardHeight = Math.Max(cardHeight, 64 + PdfFlow.TextHeight(AnkleReportText.ToeToWall(side), flow.Small, inner) + PdfFlow.TextHeight(side.Sentence, flow.Body, inner));
        }

        flow.Need(cardHeight);
        float top = flow.Y;
        for (int i = 0; i < sides.Count; i++)
        {
            var side = sides[i];
            float x = PdfFlow.Margin + (i * (cardWidth + gap));
            var colour = side.Verdict switch
            {
                AnkleVerdict.Restricted => OverlayPalette.Red,
                AnkleVerdict.WithinNormal => OverlayPalette.Green,
                _ => OverlayPalette.Grey,
            };
            flow.StrokeRoundRect(SKRect.Create(x, top, cardWidth, cardHeight), 5);
            flow.DrawTextAt(side.Side.ToTitle() + " ankle", x + 10, top + 18, flow.Heading, PdfFlow.Ink);
            string badge = AnkleReportText.Badge(side);
            float badgeWidth = flow.Small.MeasureText(badge) + 14;
            flow.FillRoundRect(SKRect.Create(x + cardWidth - 10 - badgeWidth, top + 7, badgeWidth, 14), 7, colour);
            flow.DrawTextAt(badge, x + cardWidth - 10 - (badgeWidth / 2), top + 17, flow.Small, SKColors.White, SKTextAlign.Center);
            string best = AnkleReportText.Best(side);
            flow.DrawTextAt(best, x + 10, top + 46, flow.Big, colour);
            flow.DrawTextAt("best tibial inclination, heel down", x + 16 + flow.Big.MeasureText(best), top + 44, flow.Small, PdfFlow.Muted);
            flow.Y = top + 56;
            flow.Text(AnkleReportText.ToeToWall(side), flow.Small, PdfFlow.Muted, x + 10, inner);
            flow.Gap(2);
            flow.Text(side.Sentence, flow.Body, PdfFlow.Ink, x + 10, inner);
        }

        flow.Y = top + cardHeight + 6;
    }

    private static void Attempts(PdfFlow flow, AnkleLungeResult ankle)
    {
        flow.HeadingText("Attempts");
        if (ankle.AllAttempts.IsDefaultOrEmpty)
        {
            flow.Text("No attempts were found.", flow.Body, PdfFlow.Ink);
            return;
        }

        float[] widths = [42, 55, 48, 62, 175, PdfFlow.ContentWidth - 382];
        var headers = AnkleReportText.AttemptHeaders;
        flow.Need(26);
        float x = PdfFlow.Margin;
        for (int i = 0; i < headers.Count; i++)
        {
            flow.DrawTextAt(headers[i], x + 2, flow.Y + 10, flow.Small, PdfFlow.Muted);
            x += widths[i];
        }

        flow.Y += 14;
        flow.Rule(flow.Y);
        flow.Gap(2);
        foreach (var attempt in ankle.AllAttempts)
        {
            var cells = AnkleReportText.AttemptCells(attempt, ankle.For(attempt.Side)!);
            flow.Need(14);
            x = PdfFlow.Margin;
            for (int i = 0; i < cells.Count; i++)
            {
                bool highlight = i == 3 && attempt.HeelLift;
                flow.DrawTextAt(Fit(cells[i], widths[i] - 4, flow.Small), x + 2, flow.Y + 10, highlight ? flow.Bold : flow.Small, highlight ? OverlayPalette.Amber : PdfFlow.Ink);
                x += widths[i];
            }

            flow.Y += 13;
            flow.Rule(flow.Y);
            flow.Gap(2);
        }
    }

    /// <summary>Shortens a cell with an ellipsis rather than letting it run into the next column.</summary>
    private static string Fit(string text, float width, SKFont font)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        for (int n = text.Length - 1; n > 0; n--)
        {
            string shorter = text[..n].TrimEnd() + "…";
            if (font.MeasureText(shorter) <= width)
            {
                return shorter;
            }
        }

        return "…";
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
