using System.Text;
using ValgusVision.App.Compare;
using ValgusVision.Domain.Pose;

namespace ValgusVision.App.Tests.Compare;

/// <summary>What compare and progress read from a report.json, on small hand-written reports in its layout (docs/report-json.md).</summary>
public class SessionReportReaderTests
{
    private static string Report(string extra = "", string accuracy = "\"± 3°, frontal view\"", string schema = "valgusvision.report/1") => $$"""
        {
          "schema": "{{schema}}", {{extra}}
          "createdUtc": "2026-11-02T09:30:00Z",
          "input": { "fileName": "anna-left.mp4" },
          "settings": { "analysis": { "valgusThresholdDeg": 8.5 } },
          "exercise": "squat",
          "expectedFppaAccuracy": {{accuracy}},
          "summary": {
            "left": { "repCount": 3, "fppaAtBottomDeg": { "count": 3, "mean": 12.5, "sd": 1.25, "worst": 14 },
                      "peakHipShiftPct": { "count": 3, "mean": 6.5, "sd": null, "worst": 7 }, "eventCount": 2, "repsWithEvents": 2 },
            "right": { "repCount": 0, "fppaAtBottomDeg": { "count": 0, "mean": null, "sd": null, "worst": null },
                       "peakHipShiftPct": { "count": 0, "mean": null, "sd": null, "worst": null }, "eventCount": 0, "repsWithEvents": 0 }
          }
        }
        """;

    private static Domain.Compare.SessionRecord Read(string json) =>
        SessionReportReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "r.json");

    [Fact]
    public void Reads_each_legs_summary_the_limit_the_accuracy_and_the_analysis_date()
    {
        var r = Read(Report());
        Assert.Equal("anna-left.mp4", r.FileName);
        Assert.Equal(8.5, r.ThresholdDeg);
        Assert.True(r.Trust.IsTrusted);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero), r.Date);
        Assert.False(r.DateIsRecording);
        Assert.Null(r.Client);
        Assert.Equal(3, r.Left.RepCount);
        Assert.Equal(12.5, r.Left.FppaAtBottom.Mean);
        Assert.Equal(1.25, r.Left.FppaAtBottom.StandardDeviation);
        Assert.Equal(14, r.Left.FppaAtBottom.Worst);
        Assert.Equal(6.5, r.Left.PeakHipShift.Mean);
        Assert.Equal(2, r.Left.EventCount);
        Assert.False(r.Right.Tested);
        Assert.Equal(Side.Left, Domain.Compare.LeftRightComparison.StandingLeg(r));
    }

    [Fact]
    public void Accuracy_unknown_is_an_untrusted_recording_with_the_reason()
    {
        var r = Read(Report(accuracy: "\"accuracy unknown: not a frontal view (body turned up to 22° from the camera)\""));
        Assert.False(r.Trust.IsTrusted);
        Assert.Equal("not a frontal view (body turned up to 22° from the camera)", r.Trust.Reason);
    }

    [Theory]
    [InlineData("\"client\": \"Anna Berg\",", "Anna Berg")]
    [InlineData("\"client\": { \"name\": \" Anna Berg \", \"clinician\": \"Dr Ode\" },", "Anna Berg")]
    [InlineData("\"client\": null,", null)]
    [InlineData("\"client\": \"\",", null)]
    public void A_client_field_is_read_as_a_name_or_an_object_with_one(string field, string? name) =>
        Assert.Equal(name, Read(Report(field)).Client);

    [Fact]
    public void A_recording_date_wins_over_the_analysis_date()
    {
        var r = Read(Report("\"recordedAt\": \"2026-10-30T17:05:00Z\", \"recordedAtSource\": \"container\","));
        Assert.True(r.DateIsRecording);
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 17, 5, 0, TimeSpan.Zero), r.Date);
    }

    [Theory]
    [InlineData("[1, 2]", "not a ValgusVision report.json")]
    [InlineData("{ \"schema\": \"valgusvision.report/1\" }", "no summary")]
    [InlineData("{ \"schema\": \"valgusvision.report/7\", \"summary\": {} }", "newer than this tool reads")]
    [InlineData("{ oops", "not JSON")]
    public void What_is_not_a_readable_report_is_refused_naming_the_file(string json, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => Read(json));
        Assert.StartsWith("r.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
