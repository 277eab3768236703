using System.Text.Json.Nodes;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Reports;
using ValgusVision.Rendering.Tests.Fixtures;

namespace ValgusVision.Rendering.Tests.Reports;

/// <summary>A video with nobody in it, or cut short, still gets every report, and they say so.</summary>
public class EmptySessionReportTests
{
    private static AnalysisReport NoPerson() =>
        SyntheticReport.Build(withImages: false, alter: (i, pose) => PoseFrame.NoPose(i, pose.TimeSeconds, pose.ImageWidth, pose.ImageHeight)).Report;

    [Fact]
    public void A_video_without_a_person_gets_a_json_report_that_says_so()
    {
        var report = NoPerson();
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(report, stream);
        var json = JsonNode.Parse(stream.ToArray())!;
        Assert.True(json["noPersonFound"]!.GetValue<bool>());
        Assert.Empty(json["reps"]!.AsArray());
        Assert.Null(json["summary"]!["left"]!["fppaAtBottomDeg"]!["mean"]);
    }

    [Fact]
    public void A_video_without_a_person_gets_html_and_pdf_reports_that_say_so()
    {
        var report = NoPerson();
        var html = HtmlReportWriter.Render(report);
        Assert.Contains("No person was found in any frame", html);
        Assert.Contains("No reps were found", html);
        using var pdf = new MemoryStream();
        PdfReportWriter.Write(report, pdf);
        Assert.True(pdf.Length > 1000);
        Assert.Equal("%PDF"u8.ToArray(), pdf.ToArray()[..4]);
    }

    [Fact]
    public void An_incomplete_report_says_why_in_every_format()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        report = report with { Complete = false, IncompleteReason = "The video is truncated after 10.0 s." };
        Assert.Contains("truncated after 10.0 s", HtmlReportWriter.Render(report));
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(report, stream);
        var json = JsonNode.Parse(stream.ToArray())!;
        Assert.False(json["complete"]!.GetValue<bool>());
        Assert.Equal("The video is truncated after 10.0 s.", json["incompleteReason"]!.GetValue<string>());
    }
}
