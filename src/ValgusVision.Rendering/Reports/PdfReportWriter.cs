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
    /// <summary>The least room, in points, between a reps-table header's text and the next column (a space is about 3).</summary>
    private const float HeaderClearance = 7f;

    public static void WriteFile(AnalysisReport report, string path)
        => PdfDocumentScope.WriteFile(path, stream => Write(report, stream));

    public static void Write(AnalysisReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var analysis = report.Analysis;
        var title = ClientPage.Title(report);
        using var pdf = new PdfDocumentScope(output, "report.pdf", title, report.Input.FileName, report.ToolVersion, report.CreatedUtc);
        using var flow = new PdfFlow(pdf.Document, $"{report.Input.FileName} · ValgusVision {report.ToolVersion}");

        // The client page: who, when, which test, what went wrong, then the verdict per leg.
        flow.Text(title, flow.Title, PdfFlow.Ink);
        flow.Text(ClientPage.RecordedLine(report), flow.Small, PdfFlow.Muted);
        flow.Gap(4);
        Header(flow, report);
        flow.Gap(6);
        Alerts(flow, report);
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

        flow.HeadingText("How to read these numbers");
        foreach (var caveat in analysis.Ankle is null ? ReportText.ClinicalCaveats : AnkleReportText.Caveats)
        {
            Bullet(flow, caveat);
        }

        // The technical appendix starts its own page, so the client's pages can be handed over without it.
        flow.NewPage();
        flow.Text("Technical appendix", flow.Title, PdfFlow.Ink);
        Facts(flow, "About this recording", ReportFacts.Recording(report));
        Facts(flow, "Settings", ReportFacts.Settings(report));
        flow.Finish();
    }

    private static void Header(PdfFlow flow, AnalysisReport report) =>
        Rows(flow, ClientPage.Header(report), 80f, flow.Bold);

    /// <summary>What a reader must know before the numbers: red alerts, the grey trust and not-measured notes, the recording's problems.</summary>
    private static void Alerts(PdfFlow flow, AnalysisReport report)
    {
        if (!report.Complete)
        {
            Alert(flow, "Incomplete report. " + (report.IncompleteReason ?? "The input could not be read to its end.") + " The numbers below cover the part that was read.");
        }

        if (report.NoPersonFound)
        {
            Alert(flow, "No person was found in any frame. Nothing could be measured. Film the whole body from the front, in good light, with nobody else in view.");
        }

        var trust = report.EffectiveTrust;
        if (report.Analysis.Ankle is null && !trust.IsTrusted)
        {
            // Where the eye goes first: an untrusted number is grey, and why stands above it.
            Box(flow, "Accuracy unknown: " + trust.Reason + ". The knee angles and verdicts below are shown in grey: they are not compared with your limit.", OverlayPalette.Grey, new SKColor(0xf1, 0xf1, 0xf1), PdfFlow.Muted);
        }

        if (report.Analysis.Ankle is null && ReportText.NotMeasured(report.Analysis.Summary) is { } notMeasured)
        {
            Box(flow, notMeasured, OverlayPalette.Grey, new SKColor(0xf1, 0xf1, 0xf1), PdfFlow.Muted);
        }

        var warnings = ClientPage.Warnings(report);
        if (warnings.Count > 0)
        {
            WarningsBox(flow, warnings);
        }
    }

    /// <summary>"Check the recording:" and a bullet per warning in an amber box, as the HTML's.</summary>
    private static void WarningsBox(PdfFlow flow, IReadOnlyList<string> warnings)
    {
        const string heading = "Check the recording:";
        var width = PdfFlow.ContentWidth - 32;
        var height = flow.Bold.Spacing + warnings.Sum(w => PdfFlow.TextHeight(w, flow.Body, width) + 2) + 12;
        flow.Need(height);
        flow.FillRoundRect(SKRect.Create(PdfFlow.Margin, flow.Y, PdfFlow.ContentWidth, height), 3, new SKColor(0xff, 0xf6, 0xe5));
        flow.FillRoundRect(SKRect.Create(PdfFlow.Margin, flow.Y, 4, height), 1, OverlayPalette.Amber);
        flow.Y += 6;
        flow.Text(heading, flow.Bold, PdfFlow.Ink, PdfFlow.Margin + 12, PdfFlow.ContentWidth - 20);
        foreach (var warning in warnings)
        {
            flow.DrawTextAt("•", PdfFlow.Margin + 14, flow.Y + flow.Body.Size, flow.Body, PdfFlow.Ink);
            flow.Text(warning, flow.Body, PdfFlow.Ink, PdfFlow.Margin + 24, width);
            flow.Gap(2);
        }

        flow.Gap(10);
    }

    private static void Alert(PdfFlow flow, string text) => Box(flow, text, OverlayPalette.Red, new SKColor(0xfd, 0xec, 0xea), PdfFlow.Ink);

    /// <summary>A shaded box with a coloured bar on its left, as the HTML's alert, grey note and warnings.</summary>
    private static void Box(PdfFlow flow, string text, SKColor bar, SKColor fill, SKColor ink)
    {
        var height = PdfFlow.TextHeight(text, flow.Bold, PdfFlow.ContentWidth - 20) + 12;
        flow.Need(height);
        flow.FillRoundRect(SKRect.Create(PdfFlow.Margin, flow.Y, PdfFlow.ContentWidth, height), 3, fill);
        flow.FillRoundRect(SKRect.Create(PdfFlow.Margin, flow.Y, 4, height), 1, bar);
        flow.Y += 6;
        flow.Text(text, flow.Bold, ink, PdfFlow.Margin + 12, PdfFlow.ContentWidth - 20);
        flow.Gap(10);
    }

    private static void Summary(PdfFlow flow, AnalysisReport report)
    {
        var analysis = report.Analysis;
        var summary = analysis.Summary;
        var settings = analysis.Settings;
        var trust = report.EffectiveTrust;
        flow.HeadingText("Result");
        flow.Text(ClientPage.Overview(report), flow.Body, PdfFlow.Ink);
        flow.Gap(6);
        var sides = ClientPage.TestedSides(summary);
        if (sides.Count == 0)
        {
            return;
        }

        const float gap = 12f;
        var cardWidth = (PdfFlow.ContentWidth - gap) / 2;
        var inner = cardWidth - 20;
        var cardHeight = 0f;
        foreach (var side in sides)
        {
            cardHeight = Math.Max(cardHeight, 64 + PdfFlow.TextHeight(Stats(side, report.FppaAccuracy, trust.IsTrusted), flow.Small, inner) + PdfFlow.TextHeight(ReportText.SideVerdict(side, settings, trust.IsTrusted), flow.Body, inner));
        }

        flow.Need(cardHeight);
        var top = flow.Y;
        for (var i = 0; i < sides.Count; i++)
        {
            var side = sides[i];
            var x = PdfFlow.Margin + (i * (cardWidth + gap));
            var colour = !trust.IsTrusted ? OverlayPalette.Grey : OverlayPalette.For(ReportText.Band(side.FppaAtBottom.Mean, settings));
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
            flow.Text(Stats(side, report.FppaAccuracy, trust.IsTrusted), flow.Small, PdfFlow.Muted, x + 10, inner);
            flow.Gap(2);
            flow.Text(ReportText.SideVerdict(side, settings, trust.IsTrusted), flow.Body, trust.IsTrusted ? PdfFlow.Ink : PdfFlow.Muted, x + 10, inner);
        }

        if (ClientPage.Untested(summary) is { } untested)
        {
            // Beside the one card, where the other leg's would be.
            flow.Y = top + 4;
            flow.Text(untested, flow.Body, PdfFlow.Muted, PdfFlow.Margin + cardWidth + gap + 4, cardWidth - 8);
        }

        flow.Y = top + cardHeight + 6;
        if (ClientPage.Asymmetry(summary) is { } asym)
        {
            flow.Text(asym, flow.Body, PdfFlow.Muted);
        }
    }

    /// <summary>The card's small print; the expected accuracy leads it (it wraps there, unlike the line beside the big number).</summary>
    private static string Stats(SideSummary side, string? accuracy, bool trusted) =>
        (side.RepCount > 0 && accuracy is { } a ? "Knee angle " + a + " · " : string.Empty) + ClientPage.SideStats(side, trusted);

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

        flow.Text(SessionCharts.HipShiftCaption, flow.Small, PdfFlow.Muted);
    }

    private static void Reps(PdfFlow flow, SessionAnalysis analysis, bool trusted)
    {
        flow.HeadingText("Reps");
        if (analysis.Reps.IsDefaultOrEmpty)
        {
            flow.Text("No reps were found.", flow.Body, PdfFlow.Ink);
            return;
        }

        var headers = RepTable.Headers;
        var rows = analysis.Reps.Select(RepTable.Cells).ToList();
        var widths = ColumnWidths(flow, headers, rows);
        void Header()
        {
            flow.Need(26);
            var x = PdfFlow.Margin;
            var top = flow.Y;
            var bottom = top;
            for (var i = 0; i < headers.Count; i++)
            {
                flow.Y = top;
                // Wrapped short of the next column by more than a space, so two headers never read as one phrase.
                flow.Text(headers[i], flow.Small, PdfFlow.Muted, x + 2, widths[i] - 2 - HeaderClearance);
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
            var verdict = RepWords.Verdict(rep, analysis.Settings, trusted);
            var verdictHeight = PdfFlow.TextHeight(verdict, flow.Small, PdfFlow.ContentWidth - widths[0] - 4);
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
            flow.Text(verdict, flow.Small, PdfFlow.Muted, PdfFlow.Margin + widths[0] + 2, PdfFlow.ContentWidth - widths[0] - 4);
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

            var caption = RepTable.Caption(rep, report.Analysis);
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

    /// <summary>
    /// The reps table's column widths: each column as wide as its widest cell (bold, as the FPPA cells are drawn) and
    /// its header's longest word, plus a gap, so no header word or cell runs into its neighbour ("Knee over" beside
    /// "Trunk lean"); what is left of the page's width widens the headers that would wrap onto a third line, then
    /// every column alike.
    /// </summary>
    internal static float[] ColumnWidths(PdfFlow flow, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        const float pad = 4f + HeaderClearance;
        var widths = new float[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var widest = headers[i].Split(' ').Max(word => flow.Small.MeasureText(word));
            foreach (var row in rows)
            {
                widest = Math.Max(widest, flow.Bold.MeasureText(row[i]));
            }

            widths[i] = widest + pad;
        }

        for (var i = 0; i < headers.Count - 1; i++)
        {
            var spare = PdfFlow.ContentWidth - widths.Sum();
            var twoLines = (flow.Small.MeasureText(headers[i]) / 2) + pad;
            if (spare > 0 && twoLines > widths[i])
            {
                widths[i] += Math.Min(spare, twoLines - widths[i]);
            }
        }

        // The rest is shared out, so columns stand clear of each other instead of the last one growing alone.
        var rest = Math.Max(0, PdfFlow.ContentWidth - widths.Sum()) / widths.Length;
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] += rest;
        }

        return widths;
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
        Rows(flow, facts, PdfFlow.ContentWidth * 0.34f, flow.Body);
    }

    /// <summary>Label–value rows: the label muted in its column, the value wrapped beside it.</summary>
    private static void Rows(PdfFlow flow, IReadOnlyList<(string Label, string Value)> rows, float labelWidth, SKFont valueFont)
    {
        foreach (var (label, value) in rows)
        {
            var height = PdfFlow.TextHeight(value, valueFont, PdfFlow.ContentWidth - labelWidth);
            flow.Need(height);
            var top = flow.Y;
            flow.DrawTextAt(label, PdfFlow.Margin, top + flow.Body.Size, flow.Body, PdfFlow.Muted);
            flow.Text(value, valueFont, PdfFlow.Ink, PdfFlow.Margin + labelWidth, PdfFlow.ContentWidth - labelWidth);
            flow.Gap(1);
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
