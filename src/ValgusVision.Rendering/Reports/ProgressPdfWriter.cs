using SkiaSharp;
using ValgusVision.Domain.Compare;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Charts;

namespace ValgusVision.Rendering.Reports;

/// <summary>Writes progress.pdf: progress.html's content on A4 pages — the change and chart per leg, then every session.</summary>
public static class ProgressPdfWriter
{
    private static readonly float[] Columns = [0.3f, 0.12f, 0.23f, 0.23f, 0.12f];

    public static void WriteFile(ProgressReport progress, string toolVersion, DateTimeOffset created, string path)
        => PdfDocumentScope.WriteFile(path, stream => Write(progress, toolVersion, created, stream));

    public static void Write(ProgressReport progress, string toolVersion, DateTimeOffset created, Stream output)
    {
        ArgumentNullException.ThrowIfNull(progress);
        string who = progress.Client is { } client ? client + " · " : string.Empty;
        string rate = progress.SessionsPerWeek is { } perWeek ? CompareHtml.F($", {perWeek:0.0} a week") : string.Empty;
        string subtitle = who + CompareHtml.F($"{progress.Sessions.Count} sessions over {progress.SpanDays / 7.0:0.0} weeks{rate} · ")
            + CompareText.Date(progress.Sessions[0].Session) + " – " + CompareText.Date(progress.Sessions[^1].Session);
        ComparePdf.Write(output, $"Progress — {CompareText.ExerciseTitle(progress.Exercise)}", subtitle, toolVersion, created, flow =>
        {
            int untrusted = progress.Sessions.Count(s => Untrusted(s.Left) || Untrusted(s.Right));
            if (untrusted > 0)
            {
                ComparePdf.Untrusted(flow, CompareHtml.F($"{untrusted} of {progress.Sessions.Count} sessions cannot be trusted (reasons in the table): they are shown in grey and left out of the charts and the change."));
            }

            flow.HeadingText("Change per leg");
            foreach (var side in new[] { Side.Left, Side.Right })
            {
                flow.Text("• " + ProgressText.Change(progress.Leg(side)), flow.Body, PdfFlow.Ink);
            }

            foreach (var side in new[] { Side.Left, Side.Right })
            {
                if (ProgressCharts.FppaPerSession(progress, side) is { } png)
                {
                    flow.Gap(8);
                    using var image = SKImage.FromEncodedData(png);
                    flow.Image(image, PdfFlow.Margin, PdfFlow.ContentWidth);
                }
            }

            flow.HeadingText("Sessions");
            ComparePdf.Row(flow, ["Date", "Week", "Left", "Right", "Events L / R"], Columns, flow.Bold);
            foreach (var s in progress.Sessions)
            {
                ComparePdf.Row(
                    flow,
                    [CompareText.ShortDate(s.Session) + "\n" + s.Session.FileName, CompareHtml.F($"{s.Week} (day {s.DaysSinceFirst + 1})"), Cell(s.Left), Cell(s.Right), Events(s.Left) + " / " + Events(s.Right)],
                    Columns,
                    flow.Small,
                    [PdfFlow.Ink, PdfFlow.Ink, ComparePdf.Ink(s.Left), ComparePdf.Ink(s.Right), PdfFlow.Ink]);
            }

            if (progress.Sessions.Any(s => !s.Session.DateIsRecording))
            {
                flow.Text("* the date the recording was analysed: its report does not say when it was recorded.", flow.Small, PdfFlow.Muted);
            }

            ComparePdf.Notes(flow, progress.Notes);
        });
    }

    private static bool Untrusted(LegReading leg) => leg.Measures.Tested && !leg.Trust.IsTrusted;

    private static string Cell(LegReading leg) =>
        Untrusted(leg) ? ProgressText.Cell(leg) + "\n" + leg.Trust.Reason : ProgressText.Cell(leg);

    private static string Events(LegReading leg) => leg.Measures.Tested ? CompareHtml.F($"{leg.Measures.EventCount}") : "–";
}
