using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ValgusVision.Domain.Analysis;
using ValgusVision.Rendering.Reports;
using ValgusVision.Rendering.Tests.Fixtures;

namespace ValgusVision.Rendering.Tests.Reports;

/// <summary>
/// The reports' client page (issue 21 item 4): who and what at the top, warnings before the numbers, words that agree
/// with the numbers printed beside them, a card only for a tested leg, and a technical appendix by option names.
/// </summary>
public sealed class ClientPageTests
{
    private static AnalysisReport Named() =>
        SyntheticReport.Build(withImages: false).Report with { Client = "<b>Ann</b> O'Brien & Co", Clinician = "Dr <i>Jo</i> Smith" };

    [Fact]
    public void The_recording_date_stands_under_the_title_in_html_and_pdf_or_says_it_is_unknown()
    {
        var report = Named();
        Assert.Contains("<h1>Knee valgus report</h1>\n<p class=\"recorded\">Recording date unknown</p>", HtmlReportWriter.Render(report), StringComparison.Ordinal);
        var dated = report with { Recorded = new Domain.Recording.RecordingTime(new DateTimeOffset(2026, 11, 2, 23, 30, 0, TimeSpan.Zero), Domain.Recording.RecordingTimeSource.User) };
        Assert.Contains("<p class=\"recorded\">Recorded 2026-11-02</p>", HtmlReportWriter.Render(dated), StringComparison.Ordinal);
        using (var pdf = new WrittenPdf(dated))
        {
            // pdftotext splits the small grey line's letters ("R ecorded"): compare without spaces.
            Assert.Contains("Recorded2026-11-02", pdf.Text().Split('\f')[0].Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        using var undated = new WrittenPdf(report);
        Assert.Contains("Recordingdateunknown", undated.Text().Split('\f')[0].Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Client_and_clinician_head_the_page_escaped_and_are_in_the_json()
    {
        var report = Named();
        var html = HtmlReportWriter.Render(report);
        Assert.DoesNotContain("<b>Ann</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>Jo</i>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Client</th><td>&lt;b&gt;Ann&lt;/b&gt; O&#39;Brien &amp; Co</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Clinician</th><td>Dr &lt;i&gt;Jo&lt;/i&gt; Smith</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Report date</th><td>26 November 2026</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Test</th><td>Single-leg squat on the left leg</td>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("id=\"client\"", StringComparison.Ordinal) < html.IndexOf("class=\"side\"", StringComparison.Ordinal));

        using var stream = new MemoryStream();
        ReportJsonWriter.Write(report, stream);
        var json = JsonNode.Parse(stream.ToArray())!;
        Assert.Equal("<b>Ann</b> O'Brien & Co", json["client"]!.GetValue<string>());
        Assert.Equal("Dr <i>Jo</i> Smith", json["clinician"]!.GetValue<string>());
    }

    [Fact]
    public void Without_names_the_header_has_no_empty_client_rows_and_the_json_has_nulls()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        var html = HtmlReportWriter.Render(report);
        Assert.DoesNotContain(">Client</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Clinician</th>", html, StringComparison.Ordinal);
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(report, stream);
        var json = JsonNode.Parse(stream.ToArray())!.AsObject();
        Assert.True(json.ContainsKey("client") && json["client"] is null);
        Assert.True(json.ContainsKey("clinician") && json["clinician"] is null);
    }

    [Fact]
    public void Warnings_stand_above_the_numbers()
    {
        var html = HtmlReportWriter.Render(SyntheticReport.Build(withImages: false).Report);
        int warnings = html.IndexOf("id=\"warnings\"", StringComparison.Ordinal);
        Assert.True(warnings > 0);
        Assert.True(warnings < html.IndexOf("class=\"side\"", StringComparison.Ordinal));
        Assert.True(warnings < html.IndexOf("id=\"reps\"", StringComparison.Ordinal));
        Assert.Contains("3 frames could not be decoded", html[..html.IndexOf("class=\"side\"", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void A_leg_without_reps_gets_no_card_of_dashes_but_one_not_tested_line()
    {
        var report = SyntheticReport.Build(withImages: false).Report;
        Assert.Equal(0, report.Analysis.Summary.Right.RepCount);
        var html = HtmlReportWriter.Render(report);
        Assert.Single(Regex.Matches(html, "<section class=\"side\">"));
        Assert.DoesNotContain("Right leg <span", html, StringComparison.Ordinal);
        Assert.Contains("Right leg: not tested (no reps on it).", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No reps on the right leg", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14.6, "caved in 14.6° — above your 10° limit", "14.6°")]
    [InlineData(14.64, "caved in 14.6° — above your 10° limit", "14.6°")]
    [InlineData(9.96, "caved in 10.0° — above your 10° limit", "10.0°")]
    [InlineData(4.96, "caved in 5.0° — within your 10° limit", "5.0°")]
    [InlineData(4.94, "stayed well aligned over the foot (4.9°)", "4.9°")]
    [InlineData(3.0, "stayed well aligned over the foot (3.0°)", "3.0°")]
    [InlineData(-2.0, "stayed well aligned over the foot (-2.0°)", "-2.0°")]
    public void A_reps_sentence_judges_the_number_its_row_prints(double fppa, string words, string cell)
    {
        var report = SyntheticReport.Build(withImages: false).Report;
        var rep = report.Analysis.Reps[0] with { FppaAtBottomDeg = fppa, PeakFppaDeg = fppa };
        var verdict = RepWords.Verdict(rep, report.Analysis.Settings);
        Assert.Contains(words, verdict, StringComparison.Ordinal);
        Assert.Equal(cell, RepTable.Cells(rep)[4]);

        // The number in the sentence is the cell's, to the tenth: no "15°" beside 14.6°.
        foreach (Match number in Regex.Matches(verdict, @"(-?\d+(\.\d)?)°"))
        {
            Assert.True(number.Groups[2].Success || number.Value == "10°", $"'{number.Value}' in \"{verdict}\" is rounded differently from the table");
        }

        // The cell's colour band is the sentence's.
        var band = RepTable.Band(rep, report.Analysis.Settings);
        Assert.Equal(words.StartsWith("stayed", StringComparison.Ordinal), band == ValgusVision.Rendering.Overlay.FppaBand.Normal);
    }

    [Theory]
    [InlineData(4.96, "Within limit", "with some inward movement")]
    [InlineData(4.94, "Aligned", "stayed well aligned")]
    [InlineData(9.96, "Above limit", "above your 10° limit")]
    public void A_legs_badge_and_sentence_judge_its_mean_as_printed(double mean, string badge, string words)
    {
        var report = SyntheticReport.Build(withImages: false).Report;
        var left = report.Analysis.Summary.Left;
        left = left with { FppaAtBottom = left.FppaAtBottom with { Mean = mean } };
        Assert.Equal(badge, ReportText.SideBadge(left, report.Analysis.Settings));
        Assert.Contains(words, ReportText.SideVerdict(left, report.Analysis.Settings), StringComparison.Ordinal);
    }

    [Fact]
    public void Untrusted_reps_give_their_angle_without_comparing_it_with_the_limit()
    {
        var report = SyntheticReport.Build(withImages: false).Report;
        var rep = report.Analysis.Reps[0] with { FppaAtBottomDeg = 14.6, PeakFppaDeg = 15.2 };
        var verdict = RepWords.Verdict(rep, report.Analysis.Settings, trusted: false);
        Assert.Contains("14.6°", verdict, StringComparison.Ordinal);
        Assert.Contains("not compared with your 10° limit", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("above your", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("caved in", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void An_untrusted_session_counts_no_events_and_its_grey_reason_stands_first()
    {
        var report = SyntheticReport.Build(withImages: false).Report with { Trust = new MeasurementTrust(false, "not a frontal view") };
        var overview = ClientPage.Overview(report);
        Assert.Contains("valgus events are not counted because the accuracy is unknown", overview, StringComparison.Ordinal);
        var html = HtmlReportWriter.Render(report);
        int reason = html.IndexOf("<p class=\"untrusted\"><strong>Accuracy unknown: not a frontal view.</strong>", StringComparison.Ordinal);
        Assert.True(reason > 0 && reason < html.IndexOf("class=\"side\"", StringComparison.Ordinal));
        Assert.DoesNotContain(" over the limit", ClientPage.SideStats(report.Analysis.Summary.Left, trusted: false), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_issue_of_several_reps_is_one_warning_naming_them()
    {
        var report = SyntheticReport.Build(withImages: false).Report;
        var issue = ImmutableArray.Create("the body was turned up to 22° from the camera");
        var reps = report.Analysis.Reps.Select(r => r with { Quality = r.Quality with { Issues = issue } }).ToImmutableArray();
        report = report with { Analysis = report.Analysis with { Reps = reps } };
        var warnings = ClientPage.Warnings(report);
        Assert.Single(warnings, w => w.Contains("turned up to 22°", StringComparison.Ordinal));
        Assert.Contains(F($"Reps 1, 2 and {reps.Length}: the body was turned up to 22° from the camera."), warnings);
    }

    [Fact]
    public void The_picture_caption_gives_the_hip_shift_of_the_frame_shown()
    {
        var analysis = SyntheticReport.Build(withImages: false).Report.Analysis;
        var rep = analysis.Reps[0];
        var frame = analysis.Frames.Single(f => f.FrameIndex == rep.BottomFrame);
        var caption = RepTable.Caption(rep, analysis);
        Assert.Contains("hip shift in this frame " + ReportText.Pct(frame.HipShiftPct), caption, StringComparison.Ordinal);
    }

    [Fact]
    public void The_appendix_lists_settings_by_option_name_and_no_internal_constant()
    {
        var report = SyntheticReport.Build(withImages: false).Report with
        {
            AppendixSettings = [new("--model", "full"), new("--refine", "mask"), new("frame times", "container timestamps")],
        };
        var settings = ReportFacts.Settings(report);
        Assert.Contains(("--exercise", "single-leg-squat"), settings);
        Assert.Contains(("--side", "auto"), settings);
        Assert.Contains(("--threshold", "10"), settings);
        Assert.Contains(("--refine", "mask"), settings);
        Assert.DoesNotContain(settings, s => s.Label == "--height-cm");

        var html = HtmlReportWriter.Render(report);
        var appendix = html[html.IndexOf("id=\"appendix\"", StringComparison.Ordinal)..];
        Assert.Contains("<td>--threshold</td><td>10</td>", appendix, StringComparison.Ordinal);
        Assert.Contains("<td>--refine</td><td>mask</td>", appendix, StringComparison.Ordinal);
        Assert.Contains("MediaPipe BlazePose full", appendix, StringComparison.Ordinal);
        foreach (var name in new[] { "StanceOverride", "HingeStartDeg", "VisibilityGate", "RepMinDepthPct", "ValgusThresholdDeg", "Ankle." })
        {
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
        }

        // The client page ends before the appendix: no setting row above it.
        Assert.DoesNotContain("--threshold", html[..html.IndexOf("id=\"appendix\"", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_phone_the_reps_table_scrolls_in_its_box_and_the_charts_have_a_narrow_picture()
    {
        var html = HtmlReportWriter.Render(SyntheticReport.Build(withImages: false).Report);
        Assert.Matches("<div class=\"scroll\">\\s*<table id=\"reps\"", html);
        Assert.Equal(2, Regex.Matches(html, "<source media=\"\\(max-width: 600px\\)\" srcset=\"data:image/png;base64,").Count);
    }

    [Fact]
    public void The_pdf_has_the_client_page_first_and_the_appendix_on_its_own_page()
    {
        using var pdf = new WrittenPdf(Named());
        var text = pdf.Text();
        var pages = text.Split('\f');
        Assert.Contains("<b>Ann</b> O'Brien & Co", pages[0], StringComparison.Ordinal);
        Assert.Contains("Dr <i>Jo</i> Smith", pages[0], StringComparison.Ordinal);
        Assert.Contains("Right leg: not tested", pages[0], StringComparison.Ordinal);
        var appendix = Array.FindIndex(pages, p => p.Contains("Technical appendix", StringComparison.Ordinal));
        Assert.True(appendix > 0);
        Assert.StartsWith("Technical appendix", pages[appendix].TrimStart(), StringComparison.Ordinal);
        Assert.Contains("--threshold", pages[appendix], StringComparison.Ordinal);
        Assert.DoesNotContain("StanceOverride", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_reps_table_headers_do_not_touch_each_other()
    {
        using var pdf = new WrittenPdf(SyntheticReport.Build(withImages: false).Report);
        var html = pdf.File("words.html");
        var (code, output) = Poppler.Run("pdftotext", "-bbox", pdf.Path, html);
        Assert.True(code == 0, output);

        // On the page of the table (each page has its own coordinates).
        var page = File.ReadAllText(html).Split("<page ").First(p => p.Contains(">Trunk</word>", StringComparison.Ordinal));
        var words = Glued(Regex.Matches(page, "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>")
            .Select(m => (X0: D(m, 1), Y0: D(m, 2), X1: D(m, 3), Text: m.Groups[5].Value)));
        var leg = words.First(w => w.Text == "Leg");
        var firstRow = words.Where(w => w.Y0 > leg.Y0 && w.Text == "left").Min(w => w.Y0);
        var header = words.Where(w => w.Y0 >= leg.Y0 - 0.5 && w.Y0 < firstRow - 0.5).ToList();

        // Each column starts where its header's first word does, in the header order of the first line.
        var line = header.Where(w => Math.Abs(w.Y0 - leg.Y0) < 0.5).OrderBy(w => w.X0).ToList();
        var starts = new List<double>();
        int next = 0;
        foreach (var title in RepTable.Headers)
        {
            string first = title.Split(' ')[0];
            next = line.FindIndex(next, w => w.Text == first);
            Assert.True(next >= 0, $"header '{title}' not found on the header line");
            starts.Add(line[next].X0);
        }

        // No header word reaches within 6 pt (two spaces) of the next column, as "Knee over" did "Trunk lean" (2.9 pt).
        foreach (var word in header)
        {
            int column = starts.FindLastIndex(x => x <= word.X0 + 0.5);
            if (column + 1 < starts.Count)
            {
                double room = starts[column + 1] - word.X1;
                Assert.True(room >= 6, $"'{word.Text}' ends {room:0.0} pt before the next column ('{RepTable.Headers[column + 1]}')");
            }
        }
    }

    /// <summary>Words in reading order with the pieces of one word (less than 1.5 pt apart on a line) joined.</summary>
    private static List<(double X0, double Y0, double X1, string Text)> Glued(IEnumerable<(double X0, double Y0, double X1, string Text)> words)
    {
        var glued = new List<(double X0, double Y0, double X1, string Text)>();
        foreach (var w in words.OrderBy(w => Math.Round(w.Y0, 1)).ThenBy(w => w.X0))
        {
            if (glued.Count > 0 && glued[^1] is var last && Math.Abs(last.Y0 - w.Y0) < 0.5 && w.X0 - last.X1 < 1.5)
            {
                glued[^1] = (last.X0, last.Y0, w.X1, last.Text + w.Text);
            }
            else
            {
                glued.Add(w);
            }
        }

        return glued;
    }

    private static string F(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static double D(Match m, int group) => double.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
}
