using SkiaSharp;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Charts;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Reports;

/// <summary>The lunge test's part of report.pdf: the HTML section's content on A4 (cards per side, chart, attempts).</summary>
internal static class AnklePdfSection
{
    public static void Write(PdfFlow flow, AnkleLungeResult ankle)
    {
        flow.HeadingText("Ankle dorsiflexion per leg");
        if (ankle.Left is null && ankle.Right is null)
        {
            flow.Text("No tibial angle could be measured. " + (ankle.Problems.IsDefaultOrEmpty ? "No attempt was found." : ankle.Problems[0]), flow.Bold, PdfFlow.Ink);
            flow.Gap(6);
        }
        else
        {
            Cards(flow, ankle);
            if (ankle.DifferenceSentence is { } difference)
            {
                flow.Text(difference, flow.Body, PdfFlow.Ink);
            }

            flow.Text(AnkleReportText.CutOffs(ankle.Settings), flow.Small, PdfFlow.Muted);
            flow.Gap(6);
        }

        using (var chart = SKImage.FromEncodedData(AnkleCharts.ShankAngleOverTime(ankle, 900, 360, 2.5f)))
        {
            flow.Image(chart, PdfFlow.Margin, PdfFlow.ContentWidth);
        }

        flow.Text(AnkleReportText.ChartCaption(ankle.Settings), flow.Small, PdfFlow.Muted);
        Attempts(flow, ankle);
    }

    /// <summary>A card per leg, left then right: a tested leg's best angle and verdict, or that the leg was not tested.</summary>
    private static void Cards(PdfFlow flow, AnkleLungeResult ankle)
    {
        const float gap = 12f;
        float cardWidth = (PdfFlow.ContentWidth - gap) / 2;
        float inner = cardWidth - 20;
        float cardHeight = 0;
        foreach (var leg in (ReadOnlySpan<Side>)[Side.Left, Side.Right])
        {
            cardHeight = Math.Max(cardHeight, ankle.For(leg) is { } side
                ? 64 + PdfFlow.TextHeight(AnkleReportText.ToeToWall(side), flow.Small, inner) + PdfFlow.TextHeight(AnkleReportText.Detail(side, ankle.Settings), flow.Body, inner)
                : 34 + PdfFlow.TextHeight(AnkleReportText.NotTested(leg, ankle.Settings), flow.Body, inner));
        }

        flow.Need(cardHeight);
        float top = flow.Y;
        foreach (var leg in (ReadOnlySpan<Side>)[Side.Left, Side.Right])
        {
            float x = PdfFlow.Margin + (leg == Side.Left ? 0 : cardWidth + gap);
            var side = ankle.For(leg);
            var colour = side?.Verdict switch
            {
                AnkleVerdict.Restricted => OverlayPalette.Red,
                AnkleVerdict.WithinNormal => OverlayPalette.Green,
                _ => OverlayPalette.Grey,
            };
            flow.StrokeRoundRect(SKRect.Create(x, top, cardWidth, cardHeight), 5);
            flow.DrawTextAt(leg.ToTitle() + " ankle", x + 10, top + 18, flow.Heading, PdfFlow.Ink);
            string badge = side is null ? AnkleReportText.NotTestedBadge : AnkleReportText.Badge(side);
            float badgeWidth = flow.Small.MeasureText(badge) + 14;
            flow.FillRoundRect(SKRect.Create(x + cardWidth - 10 - badgeWidth, top + 7, badgeWidth, 14), 7, colour);
            flow.DrawTextAt(badge, x + cardWidth - 10 - (badgeWidth / 2), top + 17, flow.Small, SKColors.White, SKTextAlign.Center);
            if (side is null)
            {
                flow.Y = top + 28;
                flow.Text(AnkleReportText.NotTested(leg, ankle.Settings), flow.Body, PdfFlow.Muted, x + 10, inner);
                continue;
            }

            string best = AnkleReportText.Best(side);
            flow.DrawTextAt(best, x + 10, top + 46, flow.Big, colour);
            flow.DrawTextAt("best tibial inclination, heel down", x + 16 + flow.Big.MeasureText(best), top + 44, flow.Small, PdfFlow.Muted);
            flow.Y = top + 56;
            flow.Text(AnkleReportText.ToeToWall(side), flow.Small, PdfFlow.Muted, x + 10, inner);
            flow.Gap(2);
            flow.Text(AnkleReportText.Detail(side, ankle.Settings), flow.Body, PdfFlow.Ink, x + 10, inner);
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

        // The heel cell of a lifted attempt is the longest fixed one ("lifted (heel +20 %, ankle +18 % of foot
        // length)"); the note, free text, wraps within its column.
        float[] widths = [38, 50, 44, 56, 200, PdfFlow.ContentWidth - 388];
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
        int last = widths.Length - 1;
        foreach (var attempt in ankle.AllAttempts)
        {
            var cells = AnkleReportText.AttemptCells(attempt, ankle.For(attempt.Side)!);
            float noteWidth = widths[last] - 4;
            float rowHeight = Math.Max(13, PdfFlow.TextHeight(cells[last], flow.Small, noteWidth) + 4);
            flow.Need(rowHeight + 2);
            float top = flow.Y;
            x = PdfFlow.Margin;
            for (int i = 0; i < last; i++)
            {
                bool highlight = i == 3 && attempt.HeelLift;
                flow.DrawTextAt(Fit(cells[i], widths[i] - 4, flow.Small), x + 2, top + 10, highlight ? flow.Bold : flow.Small, highlight ? OverlayPalette.Amber : PdfFlow.Ink);
                x += widths[i];
            }

            // Text() puts its first baseline one font size below Y: 2.5 + 7.5 = the other cells' 10.
            flow.Y = top + 10 - flow.Small.Size;
            flow.Text(cells[last], flow.Small, PdfFlow.Ink, x + 2, noteWidth);
            flow.Y = top + rowHeight;
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
}
