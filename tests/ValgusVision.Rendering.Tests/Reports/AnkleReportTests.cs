using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Tests.Ankle;
using ValgusVision.Rendering.Reports;
using ValgusVision.Rendering.Tests.Fixtures;

namespace ValgusVision.Rendering.Tests.Reports;

/// <summary>
/// The lunge test in every report: a session with the left leg at 42° (three attempts) and, after turning round,
/// the right leg at 30° with heel lift in its second attempt.
/// </summary>
public class AnkleReportTests
{
    private static readonly Lazy<AnalysisReport> Report = new(Build);

    private static AnalysisReport Build()
    {
        var frames = SyntheticLunge.Session(new SyntheticLunge(), [40, 42, 41]);
        SyntheticLunge.Session(new SyntheticLunge { Facing = Facing.Left, Front = Side.Right }, [30, 36, 29], heelLiftPx: 40, liftAttempts: [2], append: frames);
        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { Exercise = Exercise.AnkleLunge });
        return new AnalysisReport(
            "0.1.0-test",
            new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero),
            "full",
            new InputProperties("client-07 lunge.mp4", 1280, 720, 30, frames.Count, frames[^1].TimeSeconds, 0),
            analysis,
            ImmutableDictionary<string, string>.Empty,
            []);
    }

    private static JsonNode Json()
    {
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(Report.Value, stream);
        return JsonNode.Parse(stream.ToArray())!;
    }

    [Fact]
    public void Json_ankle_section_validates_and_holds_both_sides()
    {
        var json = Json();
        var schema = JsonSchema.FromText(ReportSchema.Json.Replace("urn:valgusvision:report:1", "urn:valgusvision:report:ankle-test", StringComparison.Ordinal));
        var results = schema.Evaluate(JsonDocument.Parse(json.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        Assert.Equal("ankle-lunge", json["exercise"]!.GetValue<string>());
        var ankle = json["ankle"]!;
        Assert.Equal(42, ankle["left"]!["bestInclinationDeg"]!.GetValue<double>(), 2);
        Assert.Equal("within-normal", ankle["left"]!["verdict"]!.GetValue<string>());
        Assert.Equal(30, ankle["right"]!["bestInclinationDeg"]!.GetValue<double>(), 2);
        Assert.Equal("restricted", ankle["right"]!["verdict"]!.GetValue<string>());
        Assert.Equal(1, ankle["right"]!["heelLiftAttempts"]!.GetValue<int>());
        var lifted = ankle["right"]!["attempts"]![1]!;
        Assert.True(lifted["heelLift"]!.GetValue<bool>());
        Assert.Null(lifted["inclinationDeg"]);
        Assert.Equal(12, ankle["differenceDeg"]!.GetValue<double>(), 2);
        Assert.True(ankle["asymmetric"]!.GetValue<bool>());
        Assert.Contains("Bennell", ankle["cutOffs"]!["sources"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(35, json["settings"]!["analysis"]!["ankleRestrictedBelowDeg"]!.GetValue<double>());
    }

    [Fact]
    public void Attempts_csv_has_a_row_per_attempt_and_heel_lift_has_no_angle()
    {
        var analysis = Report.Value.Analysis;
        using var writer = new StringWriter();
        AttemptsCsvWriter.Write(analysis.Ankle!, analysis.Frames.Select(f => f.FrameIndex).ToArray(), writer);
        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', AttemptsCsvWriter.Header), lines[0]);
        Assert.Equal(7, lines.Length);
        var heelLift = lines.Single(l => l.StartsWith("right,2,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(string.Empty, heelLift[6]);
        Assert.Equal(string.Empty, heelLift[7]); // no angle, so no line it was measured on
        Assert.Equal("true", heelLift[8]);
        Assert.Equal("heel lift", heelLift[11]);
        Assert.Equal("restricted", heelLift[14]);

        // These synthetic frames carry no person mask: measured on the model's knee and ankle points, and said so.
        var measured = lines.First(l => l.StartsWith("right,1,", StringComparison.Ordinal)).Split(',');
        Assert.NotEqual(string.Empty, measured[6]);
        Assert.Equal("landmarks", measured[7]);
    }

    [Fact]
    public void Html_shows_the_ankle_section_chart_and_attempts_instead_of_reps()
    {
        string html = HtmlReportWriter.Render(Report.Value);
        Assert.Contains("Ankle report", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-shank\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"attempts\"", html, StringComparison.Ordinal);
        Assert.Contains("heel lift", html, StringComparison.Ordinal);
        Assert.Contains("id=\"ankle-difference\"", html, StringComparison.Ordinal);
        Assert.Contains("approximate", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Reps</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_is_written()
    {
        using var stream = new MemoryStream();
        PdfReportWriter.Write(Report.Value, stream);
        var bytes = stream.ToArray();
        Assert.True(bytes.Length > 10_000);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }

    [Fact]
    public void A_frontal_video_report_says_why_and_shows_no_angle()
    {
        var frames = SyntheticLunge.Session(new SyntheticLunge { YawDeg = 0 }, [40]);
        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { Exercise = Exercise.AnkleLunge });
        var report = Report.Value with { Analysis = analysis };
        string html = HtmlReportWriter.Render(report);
        Assert.Contains("No tibial angle could be measured.", html, StringComparison.Ordinal);
        Assert.Contains("faced the camera", html, StringComparison.Ordinal);
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(report, stream);
        var ankle = JsonNode.Parse(stream.ToArray())!["ankle"]!;
        Assert.Null(ankle["left"]);
        Assert.Null(ankle["right"]);
        Assert.Single(ankle["problems"]!.AsArray());
    }

    [Fact]
    public void Cards_say_where_the_best_came_from_without_repeating_the_headline()
    {
        var ankle = Report.Value.Analysis.Ankle!;

        // Right: 30° (attempt 1), 36° with heel lift (attempt 2, not counted), 29°: best attempt 1 of 3.
        Assert.Equal("From attempt 1 of 3; 1 attempt with heel lift, not counted. Below the 35° cut-off.", AnkleReportText.Detail(ankle.Right!, ankle.Settings));
        Assert.Equal("From attempt 2 of 3. At or above the 35° cut-off.", AnkleReportText.Detail(ankle.Left!, ankle.Settings));

        // 35 / 3.6 = 9.72 cm; 5.4 / 3.6 = 1.5 cm, with no-break spaces so a line never ends in "≈".
        Assert.StartsWith("Cut-offs: below 35° (≈\u00A09.7\u00A0cm toe-to-wall) is restricted; a left–right difference of 5.4° (≈\u00A01.5\u00A0cm)", AnkleReportText.CutOffs(ankle.Settings), StringComparison.Ordinal);
        string html = HtmlReportWriter.Render(Report.Value);
        Assert.Contains("From attempt 1 of 3; 1 attempt with heel lift, not counted.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not tested", html, StringComparison.Ordinal);
        Assert.Contains("<td>not counted: the heel must stay down</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leg_not_filmed_gets_a_card_saying_so_in_html_and_pdf()
    {
        // Only the left leg in front: the right leg's card says it was not tested and why that matters.
        var frames = SyntheticLunge.Session(new SyntheticLunge(), [40, 42, 41]);
        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { Exercise = Exercise.AnkleLunge });
        var report = Report.Value with { Analysis = analysis };
        Assert.Null(analysis.Ankle!.Right);

        string html = HtmlReportWriter.Render(report);
        Assert.Contains("Right ankle <span class=\"badge\" style=\"background:#9e9e9e\">not tested</span>", html, StringComparison.Ordinal);
        Assert.Contains("No attempt with the right leg in front in this recording, so there is no left–right difference.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ankle-difference\"", html, StringComparison.Ordinal);
        Assert.Contains(ReportFacts.Recording(report), f => f.Label == "Lunge cut-off");
        Assert.DoesNotContain(ReportFacts.Recording(report), f => f.Label == "Valgus limit");

        var folder = Directory.CreateTempSubdirectory("vv-ankle-pdf-");
        try
        {
            string pdf = Path.Combine(folder.FullName, "report.pdf");
            PdfReportWriter.WriteFile(report, pdf);
            var (code, text) = Poppler.Run("pdftotext", pdf, "-");
            Assert.Equal(0, code);
            Assert.Contains("Ankle dorsiflexion per leg", text, StringComparison.Ordinal);
            Assert.Contains("not tested", text, StringComparison.Ordinal);
            Assert.Contains("From attempt 2 of 3.", text, StringComparison.Ordinal); // the card wraps the rest
            Assert.Contains("Lunge cut-off", text, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_attempts_csv_column_is_documented()
    {
        string docs = File.ReadAllText(TestPaths.Doc("report-json.md"));
        Assert.All(AttemptsCsvWriter.Header, column => Assert.Contains($"`{column}`", docs, StringComparison.Ordinal));
    }
}
