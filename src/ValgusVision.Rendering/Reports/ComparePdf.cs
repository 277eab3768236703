using SkiaSharp;
using ValgusVision.Domain.Compare;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// The A4 building blocks the comparison and progress PDFs share, on the session report's <see cref="PdfFlow"/>: the
/// document, a leg block (grey with its reason when untrusted), table rows, notes and the method's caveats.
/// </summary>
internal static class ComparePdf
{
    public static void Write(Stream output, string title, string subtitle, string toolVersion, DateTimeOffset created, Action<PdfFlow> body)
    {
        using var pdf = new PdfDocumentScope(output, "PDF", title, null, toolVersion, created);
        using var flow = new PdfFlow(pdf.Document, $"{title} · ValgusVision {toolVersion}");
        flow.Text(title, flow.Title, PdfFlow.Ink);
        flow.Text(subtitle, flow.Body, PdfFlow.Muted);
        flow.Gap(6);
        body(flow);
        flow.HeadingText("How to read these numbers");
        foreach (var caveat in ReportText.ClinicalCaveats)
        {
            flow.Text("• " + caveat, flow.Small, PdfFlow.Muted);
        }

        flow.Text("• A leg whose accuracy is unknown is shown in grey with the reason, and is never compared with the other leg or with your limit.", flow.Small, PdfFlow.Muted);
        flow.Finish();
    }

    /// <summary>A grey box with the reason: what cannot be trusted, where the eye goes first.</summary>
    public static void Untrusted(PdfFlow flow, string text)
    {
        float height = PdfFlow.TextHeight(text, flow.Body, PdfFlow.ContentWidth - 20) + 12;
        flow.Need(height);
        flow.FillRoundRect(SKRect.Create(PdfFlow.Margin, flow.Y, PdfFlow.ContentWidth, height), 3, new SKColor(0xf1, 0xf1, 0xf1));
        flow.FillRoundRect(SKRect.Create(PdfFlow.Margin, flow.Y, 4, height), 1, new SKColor(0x88, 0x88, 0x88));
        flow.Y += 6;
        flow.Text(text, flow.Body, PdfFlow.Ink, PdfFlow.Margin + 12, PdfFlow.ContentWidth - 20);
        flow.Gap(10);
    }

    /// <summary>One leg: its name and badge, the mean angle in its colour (grey when untrusted), the details and the verdict.</summary>
    public static void Leg(PdfFlow flow, LegReading leg, string recording)
    {
        var colour = SKColor.Parse(CompareText.Colour(leg));
        string number = ReportText.Deg(leg.Measures.FppaAtBottom.Mean);
        flow.Need(90);
        float top = flow.Y;
        flow.DrawTextAt(leg.Side + " leg", PdfFlow.Margin, top + 14, flow.Heading, PdfFlow.Ink);
        string badge = CompareText.Badge(leg);
        float badgeX = PdfFlow.Margin + flow.Heading.MeasureText(leg.Side + " leg") + 10;
        float badgeWidth = flow.Small.MeasureText(badge) + 14;
        flow.FillRoundRect(SKRect.Create(badgeX, top + 3, badgeWidth, 14), 7, colour);
        flow.DrawTextAt(badge, badgeX + (badgeWidth / 2), top + 13, flow.Small, SKColors.White, SKTextAlign.Center);
        flow.DrawTextAt(number, PdfFlow.Margin, top + 42, flow.Big, colour);
        flow.DrawTextAt("mean knee angle at the bottom", PdfFlow.Margin + flow.Big.MeasureText(number) + 8, top + 40, flow.Small, PdfFlow.Muted);
        flow.Y = top + 50;
        if (!leg.Trust.IsTrusted)
        {
            flow.Text("Accuracy unknown: " + leg.Trust.Reason + ".", flow.Bold, PdfFlow.Muted);
        }

        var m = leg.Measures;
        flow.Text(
            CompareHtml.F($"{m.RepCount} reps · SD {ReportText.Number(m.FppaAtBottom.StandardDeviation)}° · worst {ReportText.Deg(m.FppaAtBottom.Worst)} · {m.RepsWithEvents} reps over the {leg.Session.ThresholdDeg:0.#}° limit · {m.EventCount} valgus events · hip shift {ReportText.Pct(m.PeakHipShift.Mean)}"),
            flow.Small, PdfFlow.Muted);
        flow.Text(CompareText.Verdict(leg), flow.Body, leg.Trust.IsTrusted ? PdfFlow.Ink : PdfFlow.Muted);
        flow.Text(recording, flow.Small, PdfFlow.Muted);
        flow.Gap(8);
    }

    /// <summary>A table row: cells wrapped in their columns (fractions of the content width), kept on one page.</summary>
    public static void Row(PdfFlow flow, IReadOnlyList<string> cells, IReadOnlyList<float> widths, SKFont font, IReadOnlyList<SKColor>? colours = null)
    {
        float height = 0;
        for (int i = 0; i < cells.Count; i++)
        {
            height = Math.Max(height, PdfFlow.TextHeight(cells[i], font, (widths[i] * PdfFlow.ContentWidth) - 6));
        }

        flow.Need(height + 5);
        float top = flow.Y, x = PdfFlow.Margin;
        for (int i = 0; i < cells.Count; i++)
        {
            flow.Y = top + 2;
            flow.Text(cells[i], font, colours?[i] ?? PdfFlow.Ink, x, (widths[i] * PdfFlow.ContentWidth) - 6);
            x += widths[i] * PdfFlow.ContentWidth;
        }

        flow.Y = top + height + 4;
        flow.Rule(flow.Y - 1);
    }

    public static void Notes(PdfFlow flow, IReadOnlyList<string> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        flow.HeadingText("Notes");
        foreach (var note in notes)
        {
            flow.Text("• " + note, flow.Body, PdfFlow.Ink);
        }
    }

    /// <summary>Ink for a trusted leg's cell, grey for an untrusted one (its number is shown, never coloured).</summary>
    public static SKColor Ink(LegReading leg) => leg.Trust.IsTrusted ? PdfFlow.Ink : SKColor.Parse("#777777");
}
