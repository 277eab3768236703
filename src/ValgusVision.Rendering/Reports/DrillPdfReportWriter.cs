using System.Globalization;
using SkiaSharp;

namespace ValgusVision.Rendering.Reports;

/// <summary>drill-report.pdf: the drill report on A4 pages (<see cref="PdfFlow"/>), the same content as the HTML.</summary>
public static class DrillPdfReportWriter
{
    private const float RowHeight = 16f;

    public static void WriteFile(DrillReport report, string path)
        => PdfDocumentScope.WriteFile(path, stream => Write(report, stream));

    public static void Write(DrillReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var pdf = new PdfDocumentScope(output, "drill-report.pdf", DrillReport.Title, report.Input, report.ToolVersion, report.CreatedUtc);
        using var flow = new PdfFlow(pdf.Document, $"{report.Input} · ValgusVision {report.ToolVersion}");
        flow.Text(DrillReport.Title, flow.Title, PdfFlow.Ink);
        flow.Text(report.Input + " · " + report.CreatedUtc.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture), flow.Body, PdfFlow.Muted);
        flow.Gap(6);
        if (report.IncompleteReason is { } reason)
        {
            flow.Text("Incomplete session. " + reason, flow.Bold, new SKColor(0xc0, 0x39, 0x2b));
            flow.Gap(4);
        }

        flow.Text(DrillReport.Method, flow.Body, PdfFlow.Muted);
        flow.HeadingText("Error per leg");
        foreach (var leg in report.Legs)
        {
            flow.Text(leg.Sentence, flow.Bold, PdfFlow.Ink);
            flow.Gap(2);
        }

        flow.Gap(4);
        Table(flow, DrillReportTable.LegHeader, DrillReportTable.LegNumeric, report.Legs.Select(DrillReportTable.LegCells).ToList());
        flow.HeadingText("Trials");
        var trials = DrillReportTable.TrialRows(report).ToList();
        if (trials.Count == 0)
        {
            flow.Text("No trial was completed.", flow.Body, PdfFlow.Ink);
        }
        else
        {
            Table(flow, DrillReportTable.TrialHeader, DrillReportTable.TrialNumeric, trials);
        }

        flow.Finish();
    }

    /// <summary>Equal columns across the content width, the header repeated on a new page.</summary>
    private static void Table(PdfFlow flow, string[] header, bool[] numeric, IReadOnlyList<string[]> rows)
    {
        float column = PdfFlow.ContentWidth / header.Length;
        void Row(string[] cells, SKFont font)
        {
            float baseline = flow.Y + font.Size + 3;
            for (int i = 0; i < cells.Length; i++)
            {
                float left = PdfFlow.Margin + (i * column);
                if (numeric[i])
                {
                    flow.DrawTextAt(cells[i], left + column - 6, baseline, font, PdfFlow.Ink, SKTextAlign.Right);
                }
                else
                {
                    flow.DrawTextAt(cells[i], left + 2, baseline, font, PdfFlow.Ink);
                }
            }

            flow.Y += RowHeight;
            flow.Rule(flow.Y - 2);
        }

        flow.Need(RowHeight * 2);
        Row(header, flow.Bold);
        foreach (var cells in rows)
        {
            if (flow.Y + RowHeight > PdfFlow.PageHeight - PdfFlow.Margin - 30)
            {
                flow.NewPage();
                Row(header, flow.Bold);
            }

            Row(cells, flow.Body);
        }
    }
}
