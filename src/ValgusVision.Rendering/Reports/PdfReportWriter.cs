using System.Globalization;
using SkiaSharp;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Charts;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// Writes report.pdf with SkiaSharp's PDF backend: the HTML report's content (same texts, same charts, same
/// pictures) laid out on A4 pages for printing and handing to a client.
/// </summary>
public static class PdfReportWriter
{
    public static void WriteFile(AnalysisReport report, string path)
    {
        using var stream = File.Create(path);
        Write(report, stream);
    }

    public static void Write(AnalysisReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var analysis = report.Analysis;
        var title = analysis.Ankle is null ? $"Knee valgus report — {analysis.Exercise.ToTitle()}" : $"Ankle report — {analysis.Exercise.ToTitle()}";
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Subject = report.Input.FileName,
            Creator = "ValgusVision " + report.ToolVersion,
            Producer = "ValgusVision",
            Creation = report.CreatedUtc.UtcDateTime,
            Modified = report.CreatedUtc.UtcDateTime,
            RasterDpi = 300,
            EncodingQuality = 90,
        };
        using var managed = new SKManagedWStream(output);
        using var document = SKDocument.CreatePdf(managed, metadata)
            ?? throw new InvalidOperationException("report.pdf: SkiaSharp could not create a PDF document");
        using var flow = new PdfFlow(document, $"{report.Input.FileName} · ValgusVision {report.ToolVersion}");

        flow.Text(title, flow.Title, PdfFlow.Ink);
        flow.Text(report.Input.FileName + " · " + report.CreatedUtc.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture), flow.Body, PdfFlow.Muted);
        flow.Gap(4);
        if (!report.Complete)
        {
            Alert(flow, "Incomplete report. " + (report.IncompleteReason ?? "The input could not be read to its end.") + " The numbers below cover the part that was read.");
        }

        if (report.NoPersonFound)
        {
            Alert(flow, "No person was found in any frame. Nothing could be measured. Film the whole body from the front, in good light, with nobody else in view.");
        }

        if (analysis.Ankle is { } ankle)
        {
            // A side-view lunge: the knee's frontal-plane numbers mean nothing here, so only the ankle's are shown.
            AnklePdfSection.Write(flow, ankle);
        }
        else
        {
            Summary(flow, report);
            Charts(flow, analysis, report.EffectiveTrust.IsTrusted);
            Reps(flow, analysis, report.EffectiveTrust.IsTrusted);
            Frames(flow, report);
        }

        Warnings(flow, report);

        flow.HeadingText("How to read these numbers");
        foreach (var caveat in analysis.Ankle is null ? ReportText.ClinicalCaveats : AnkleReportText.Caveats)
        {
            Bullet(flow, caveat);
        }

        Facts(flow, "About this recording", ReportFacts.Recording(report));
        Facts(flow, "Settings", ReportFacts.Settings(report));
        flow.Finish();
    }

    private static void Alert(PdfFlow flow, string text)
    {
        var height = PdfFlow.TextHeight(text, flow.Bold, PdfFlow.ContentWidth - 20) + 12;
        flow.Need(height);
        flow.FillRoundRect(SKRect.Create(PdfFlow.Margin, flow.Y, PdfFlow.ContentWidth, height), 3, new SKColor(0xfd, 0xec, 0xea));
        flow.FillRoundRect(SKRect.Create(PdfFlow.Margin, flow.Y, 4, height), 1, OverlayPalette.Red);
        flow.Y += 6;
        flow.Text(text, flow.Bold, PdfFlow.Ink, PdfFlow.Margin + 12, PdfFlow.ContentWidth - 20);
        flow.Gap(10);
    }

    private static void Summary(PdfFlow flow, AnalysisReport report)
    {
        var analysis = report.Analysis;
        var summary = analysis.Summary;
        var settings = analysis.Settings;
        flow.HeadingText("Summary");
        flow.Text(F($"{summary.RepCount} reps analysed over {summary.DurationSeconds:0.0} s; {summary.EventCount} valgus events (knee angle at or above {settings.ValgusThresholdDeg:0.#}° for at least {settings.EventMinDurationSeconds * 1000:0} ms)."), flow.Body, PdfFlow.Ink);
        if (ReportText.NotMeasured(summary) is { } notMeasured)
        {
            flow.Text(notMeasured, flow.Body, PdfFlow.Ink);
        }

        var trust = report.EffectiveTrust;
        if (!trust.IsTrusted)
        {
            // Where the eye goes first: an untrusted number is grey, and why stands above it.
            flow.Text("Accuracy unknown: " + trust.Reason + ". The knee angles and verdicts below are shown in grey: they are not compared with your limit.", flow.Body, PdfFlow.Muted);
        }

        flow.Gap(6);

        const float gap = 12f;
        var cardWidth = (PdfFlow.ContentWidth - gap) / 2;
        var inner = cardWidth - 20;
        var sides = new[] { summary.Left, summary.Right };
        var cardHeight = 0f;
        foreach (var side in sides)
        {
            cardHeight = Math.Max(cardHeight, 64 + PdfFlow.TextHeight(Stats(side, report.FppaAccuracy), flow.Small, inner) + PdfFlow.TextHeight(ReportText.SideVerdict(side, settings, trust.IsTrusted), flow.Body, inner));
        }

        flow.Need(cardHeight);
        var top = flow.Y;
        for (var i = 0; i < sides.Length; i++)
        {
            var side = sides[i];
            var x = PdfFlow.Margin + (i * (cardWidth + gap));
            var band = FppaBands.ForThreshold(settings.ValgusThresholdDeg).Classify(side.FppaAtBottom.Mean);
            var colour = side.RepCount == 0 || !trust.IsTrusted ? OverlayPalette.Grey : OverlayPalette.For(band);
            flow.StrokeRoundRect(SKRect.Create(x, top, cardWidth, cardHeight), 5);
            flow.DrawTextAt(side.Side.ToTitle() + " leg", x + 10, top + 18, flow.Heading, PdfFlow.Ink);
            var badge = ReportText.SideBadge(side, settings, trust.IsTrusted);
            var badgeWidth = flow.Small.MeasureText(badge) + 14;
            flow.FillRoundRect(SKRect.Create(x + cardWidth - 10 - badgeWidth, top + 7, badgeWidth, 14), 7, colour);
            flow.DrawTextAt(badge, x + cardWidth - 10 - (badgeWidth / 2), top + 17, flow.Small, SKColors.White, SKTextAlign.Center);
            flow.DrawTextAt(ReportText.Deg(side.FppaAtBottom.Mean), x + 10, top + 46, flow.Big, colour);
            var bigWidth = flow.Big.MeasureText(ReportText.Deg(side.FppaAtBottom.Mean));
            flow.DrawTextAt("mean knee angle at the bottom", x + 16 + bigWidth, top + 44, flow.Small, PdfFlow.Muted);
            flow.Y = top + 56;
            flow.Text(Stats(side, report.FppaAccuracy), flow.Small, PdfFlow.Muted, x + 10, inner);
            flow.Gap(2);
            flow.Text(ReportText.SideVerdict(side, settings, trust.IsTrusted), flow.Body, trust.IsTrusted ? PdfFlow.Ink : PdfFlow.Muted, x + 10, inner);
        }

        flow.Y = top + cardHeight + 6;
        var asym = summary.Asymmetry;
        if (asym.FppaAtBottomDiffDeg is { } diff)
        {
            var worse = asym.WorseSide is { } w ? $" The {w.ToName()} knee caves in more." : " The two sides are alike.";
            flow.Text(F($"Right minus left: knee angle {diff:+0.0;-0.0;0.0}°, hip shift {ReportText.Number(asym.PeakHipShiftDiffPct, "+0.0;-0.0;0.0")} % of leg length.{worse}"), flow.Body, PdfFlow.Muted);
        }
    }

    /// <summary>The card's small print; the expected accuracy leads it (it wraps there, unlike the line beside the big number).</summary>
    private static string Stats(SideSummary side, string? accuracy) =>
        (side.RepCount > 0 && accuracy is { } a ? "Knee angle " + a + " · " : string.Empty) + Stats(side);

    private static string Stats(SideSummary side) =>
        F($"{side.RepCount} reps · SD {ReportText.Number(side.FppaAtBottom.StandardDeviation)}° · worst {ReportText.Deg(side.FppaAtBottom.Worst)} · {side.RepsWithEvents} reps over the limit · hip shift {ReportText.Pct(side.PeakHipShift.Mean)}");

    private static void Charts(PdfFlow flow, SessionAnalysis analysis, bool trusted)
    {
        flow.HeadingText("Over time");
        using (var fppa = SKImage.FromEncodedData(SessionCharts.FppaOverTime(analysis, 900, 360, 2.5f, trusted)))
        {
            flow.Image(fppa, PdfFlow.Margin, PdfFlow.ContentWidth);
        }

        flow.Text(SessionCharts.FppaCaption(trusted), flow.Small, PdfFlow.Muted);
        flow.Gap(8);
        using (var hip = SKImage.FromEncodedData(SessionCharts.HipShiftOverTime(analysis, 900, 320, 2.5f, trusted)))
        {
            flow.Image(hip, PdfFlow.Margin, PdfFlow.ContentWidth);
        }

        flow.Text("Sideways shift of the standing leg's hip from above its ankle, in % of leg length (outwards positive).", flow.Small, PdfFlow.Muted);
    }

    private static void Reps(PdfFlow flow, SessionAnalysis analysis, bool trusted)
    {
        flow.HeadingText("Reps");
        if (analysis.Reps.IsDefaultOrEmpty)
        {
            flow.Text("No reps were found.", flow.Body, PdfFlow.Ink);
            return;
        }

        // Column widths in points, summing to the content width (515 pt).
        float[] widths = [22, 26, 52, 36, 46, 40, 38, 38, 44, 38, 32, 103];
        var headers = RepTable.Headers;
        void Header()
        {
            flow.Need(26);
            var x = PdfFlow.Margin;
            var top = flow.Y;
            var bottom = top;
            for (var i = 0; i < headers.Count; i++)
            {
                flow.Y = top;
                flow.Text(headers[i], flow.Small, PdfFlow.Muted, x + 2, widths[i] - 3);
                bottom = Math.Max(bottom, flow.Y);
                x += widths[i];
            }

            flow.Y = bottom + 2;
            flow.Rule(flow.Y);
            flow.Gap(2);
        }

        Header();
        foreach (var rep in analysis.Reps)
        {
            var verdictHeight = PdfFlow.TextHeight(rep.Verdict, flow.Small, PdfFlow.ContentWidth - widths[0] - 4);
            if (flow.Y + 14 + verdictHeight > PdfFlow.PageHeight - PdfFlow.Margin - 24)
            {
                flow.NewPage();
                Header();
            }

            var cells = RepTable.Cells(rep);
            var colour = trusted ? OverlayPalette.For(RepTable.Band(rep, analysis.Settings)) : OverlayPalette.Grey;
            var x = PdfFlow.Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var highlighted = i is 4 or 5;
                flow.DrawTextAt(cells[i], x + 2, flow.Y + 10, highlighted ? flow.Bold : flow.Body, highlighted ? colour : PdfFlow.Ink);
                x += widths[i];
            }

            flow.Y += 13;
            flow.Text(rep.Verdict, flow.Small, PdfFlow.Muted, PdfFlow.Margin + widths[0] + 2, PdfFlow.ContentWidth - widths[0] - 4);
            flow.Gap(2);
            flow.Rule(flow.Y);
            flow.Gap(2);
        }
    }

    private static void Frames(PdfFlow flow, AnalysisReport report)
    {
        var images = report.RepBottomImages;
        if (images is null || images.IsEmpty)
        {
            return;
        }

        flow.HeadingText("Each rep at its bottom");
        const float gap = 12f;
        var width = (PdfFlow.ContentWidth - gap) / 2;
        var column = 0;
        var rowTop = flow.Y;
        var rowBottom = flow.Y;
        foreach (var rep in report.Analysis.Reps)
        {
            if (!images.TryGetValue(rep.Index, out var bytes))
            {
                continue;
            }

            using var image = SKImage.FromEncodedData(bytes);
            if (image is null)
            {
                continue;
            }

            var caption = RepTable.Caption(rep);
            var height = (width * image.Height / image.Width) + 4 + PdfFlow.TextHeight(caption, flow.Small, width);
            if (column == 0)
            {
                flow.Need(height);
                rowTop = flow.Y;
                rowBottom = rowTop;
            }

            var x = PdfFlow.Margin + (column * (width + gap));
            flow.Y = rowTop;
            flow.Image(image, x, width);
            flow.Gap(3);
            flow.Text(caption, flow.Small, PdfFlow.Muted, x, width);
            rowBottom = Math.Max(rowBottom, flow.Y);
            column = 1 - column;
            flow.Y = column == 0 ? rowBottom + 8 : rowTop;
        }

        if (column == 1)
        {
            flow.Y = rowBottom + 8;
        }
    }

    private static void Warnings(PdfFlow flow, AnalysisReport report)
    {
        flow.HeadingText("Recording quality");
        var any = false;
        foreach (var warning in report.AllWarnings.IsDefault ? [] : report.AllWarnings)
        {
            Bullet(flow, warning);
            any = true;
        }

        foreach (var rep in report.Analysis.Reps)
        {
            foreach (var issue in rep.Quality.Issues.IsDefault ? [] : rep.Quality.Issues)
            {
                Bullet(flow, F($"Rep {rep.Index + 1}: {issue}."));
                any = true;
            }
        }

        if (!any)
        {
            flow.Text("No problems were found with the recording.", flow.Body, PdfFlow.Ink);
        }
    }

    private static void Bullet(PdfFlow flow, string text)
    {
        flow.Need(flow.Body.Spacing);
        flow.DrawTextAt("•", PdfFlow.Margin + 2, flow.Y + flow.Body.Size, flow.Body, PdfFlow.Ink);
        flow.Text(text, flow.Body, PdfFlow.Ink, PdfFlow.Margin + 12, PdfFlow.ContentWidth - 12);
        flow.Gap(2);
    }

    private static void Facts(PdfFlow flow, string title, IReadOnlyList<(string Label, string Value)> facts)
    {
        flow.HeadingText(title);
        var labelWidth = PdfFlow.ContentWidth * 0.34f;
        foreach (var (label, value) in facts)
        {
            var height = PdfFlow.TextHeight(value, flow.Body, PdfFlow.ContentWidth - labelWidth);
            flow.Need(height);
            var top = flow.Y;
            flow.DrawTextAt(label, PdfFlow.Margin, top + flow.Body.Size, flow.Body, PdfFlow.Muted);
            flow.Text(value, flow.Body, PdfFlow.Ink, PdfFlow.Margin + labelWidth, PdfFlow.ContentWidth - labelWidth);
            flow.Gap(1);
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
