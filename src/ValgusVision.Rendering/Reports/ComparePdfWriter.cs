using ValgusVision.Domain.Compare;

namespace ValgusVision.Rendering.Reports;

/// <summary>Writes compare.pdf: compare.html's content on A4 pages, for printing and handing to a client.</summary>
public static class ComparePdfWriter
{
    private static readonly float[] Columns = [0.34f, 0.24f, 0.24f, 0.18f];

    public static void WriteFile(LeftRightComparison comparison, string toolVersion, DateTimeOffset created, string path)
        => PdfDocumentScope.WriteFile(path, stream => Write(comparison, toolVersion, created, stream));

    public static void Write(LeftRightComparison comparison, string toolVersion, DateTimeOffset created, Stream output)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var (l, r) = (comparison.Left, comparison.Right);
        string who = comparison.Client is { } client ? client + " · " : string.Empty;
        ComparePdf.Write(output, $"Left vs right — {CompareText.ExerciseTitle(comparison.Exercise)}", who + CompareText.Dates(l.Session, r.Session), toolVersion, created, flow =>
        {
            if (comparison.NotComparedReason is { } why)
            {
                ComparePdf.Untrusted(flow, "The legs are not compared because a leg's accuracy is unknown — " + why + ".");
            }

            ComparePdf.Leg(flow, l, "From " + l.Session.FileName);
            ComparePdf.Leg(flow, r, "From " + r.Session.FileName);
            if (comparison.FppaDiffDeg is not null)
            {
                flow.Text(CompareText.Difference(comparison), flow.Bold, PdfFlow.Ink);
            }

            flow.HeadingText("Side by side");
            ComparePdf.Row(flow, ["", "Left", "Right", "Right − left"], Columns, flow.Bold);
            var colours = new[] { PdfFlow.Ink, ComparePdf.Ink(l), ComparePdf.Ink(r), PdfFlow.Ink };
            ComparePdf.Row(flow, ["Knee angle at the bottom, mean ± SD", CompareText.MeanSd(l), CompareText.MeanSd(r), Signed(comparison.FppaDiffDeg, "°")], Columns, flow.Body, colours);
            ComparePdf.Row(flow, ["Worst knee angle at the bottom", ReportText.Deg(l.Measures.FppaAtBottom.Worst), ReportText.Deg(r.Measures.FppaAtBottom.Worst), ""], Columns, flow.Body, colours);
            ComparePdf.Row(flow, ["Hip shift, mean", ReportText.Pct(l.Measures.PeakHipShift.Mean), ReportText.Pct(r.Measures.PeakHipShift.Mean), Signed(comparison.HipShiftDiffPct, " %")], Columns, flow.Body, colours);
            ComparePdf.Row(flow, ["Reps (over the limit)", CompareHtml.F($"{l.Measures.RepCount} ({l.Measures.RepsWithEvents})"), CompareHtml.F($"{r.Measures.RepCount} ({r.Measures.RepsWithEvents})"), ""], Columns, flow.Body, colours);
            ComparePdf.Row(flow, ["Valgus events", CompareHtml.F($"{l.Measures.EventCount}"), CompareHtml.F($"{r.Measures.EventCount}"), ""], Columns, flow.Body, colours);
            ComparePdf.Row(flow, ["Limit", CompareHtml.F($"{l.Session.ThresholdDeg:0.#}°"), CompareHtml.F($"{r.Session.ThresholdDeg:0.#}°"), ""], Columns, flow.Body);
            ComparePdf.Row(flow, ["Accuracy", l.Session.Accuracy ?? ReportText.Undefined, r.Session.Accuracy ?? ReportText.Undefined, ""], Columns, flow.Body, colours);
            ComparePdf.Row(flow, ["Recording", l.Session.FileName, r.Session.FileName, ""], Columns, flow.Body);
            ComparePdf.Notes(flow, comparison.Notes);
        });
    }

    private static string Signed(double? value, string unit) => value is null ? string.Empty : ReportText.Number(value, "+0.0;-0.0;0.0") + unit;
}
