using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Reports;
using ValgusVision.Rendering.Tests.Fixtures;

namespace ValgusVision.Rendering.Tests.Reports;

public class ReportJsonTests
{
    // Json.Schema registers a schema by its $id once per process, so it is built once for all tests.
    internal static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(ReportSchema.Json));

    private static JsonNode Written(AnalysisReport report)
    {
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(report, stream);
        return JsonNode.Parse(stream.ToArray())!;
    }

    private static EvaluationResults Validate(JsonNode json)
    {
        return Schema.Value.Evaluate(JsonDocument.Parse(json.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void Report_json_validates_against_its_schema()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        var results = Validate(Written(report));
        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void The_hip_estimators_work_is_counted_by_reason_and_null_without_one()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        Assert.Null(Written(report)["summary"]!["hipPoint"]);

        // Every third frame kept as too wide, every fifth of the rest without a mask, the others moved.
        var frames = report.Analysis.Frames.Select((f, i) => f with
        {
            Quality = f.Quality with
            {
                Hips = i % 3 == 0 ? HipPlacement.KeptBecause(HipPointIssue.TooWide)
                    : i % 5 == 0 ? HipPlacement.KeptBecause(HipPointIssue.NoMask)
                    : HipPlacement.Placed,
            },
        }).ToImmutableArray();
        var json = Written(report with { Analysis = report.Analysis with { Frames = frames } });

        var hips = json["summary"]!["hipPoint"]!;
        int n = frames.Length;
        int tooWide = Enumerable.Range(0, n).Count(i => i % 3 == 0), noMask = Enumerable.Range(0, n).Count(i => i % 3 != 0 && i % 5 == 0);
        Assert.Equal(n - tooWide - noMask, hips["movedFrames"]!.GetValue<int>());
        Assert.Equal(tooWide + noMask, hips["keptFrames"]!.GetValue<int>());
        Assert.Equal(tooWide, hips["keptReasons"]!["too-wide"]!.GetValue<int>());
        Assert.Equal(noMask, hips["keptReasons"]!["no-mask"]!.GetValue<int>());
        var results = Validate(json);
        Assert.True(results.IsValid, Errors(results));

        hips["keptReasons"]!["too-tall"] = 3; // not a reason the estimator gives
        Assert.False(Validate(json).IsValid);
    }

    [Fact]
    public void The_recording_date_is_written_with_its_source_and_null_when_not_known()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        var unknown = Written(report);
        Assert.Null(unknown["recordedAt"]);
        Assert.True(unknown.AsObject().ContainsKey("recordedAt") && unknown.AsObject().ContainsKey("recordedAtSource"));

        var dated = report with { Recorded = new Domain.Recording.RecordingTime(new DateTimeOffset(2026, 11, 2, 10, 14, 3, TimeSpan.FromHours(1)), Domain.Recording.RecordingTimeSource.Container) };
        var json = Written(dated);
        Assert.Equal(("2026-11-02T09:14:03Z", "container"), (json["recordedAt"]!.GetValue<string>(), json["recordedAtSource"]!.GetValue<string>()));
        var results = Validate(json);
        Assert.True(results.IsValid, Errors(results));

        json["recordedAtSource"] = "mtime"; // a file's date is never a source
        Assert.False(Validate(json).IsValid);
    }

    [Fact]
    public void Schema_rejects_a_report_with_a_missing_field()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        var json = Written(report).AsObject();
        json.Remove("summary");
        Assert.False(Validate(json).IsValid);
    }

    [Fact]
    public void Every_rep_of_the_analysis_is_written_with_its_values()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        var reps = Written(report)["reps"]!.AsArray();
        Assert.Equal(3, report.Analysis.Reps.Length);
        Assert.Equal(report.Analysis.Reps.Length, reps.Count);
        for (var i = 0; i < reps.Count; i++)
        {
            var rep = report.Analysis.Reps[i];
            Assert.Equal(i + 1, reps[i]!["number"]!.GetValue<int>());
            Assert.Equal("left", reps[i]!["side"]!.GetValue<string>());
            Assert.Equal(Math.Round(rep.FppaAtBottomDeg!.Value, 3), reps[i]!["fppaAtBottomDeg"]!.GetValue<double>(), 6);
            Assert.Equal(rep.Verdict, reps[i]!["verdict"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Undefined_metrics_are_null_never_nan()
    {
        // The knee is hidden in every frame: FPPA cannot be measured anywhere.
        var (report, _, _) = SyntheticReport.Build(withImages: false, alter: (_, pose) => HideLeftKnee(pose));
        var text = Written(report).ToJsonString();
        Assert.DoesNotContain("NaN", text);
        var json = JsonNode.Parse(text)!;
        Assert.True(Validate(json).IsValid);
        foreach (var rep in json["reps"]!.AsArray())
        {
            Assert.Null(rep!["fppaAtBottomDeg"]);
        }

        Assert.Null(json["summary"]!["left"]!["fppaAtBottomDeg"]!["mean"]);
    }

    [Fact]
    public void Settings_input_model_and_warnings_are_in_the_report()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        var json = Written(report);
        Assert.Equal(10.0, json["settings"]!["analysis"]!["valgusThresholdDeg"]!.GetValue<double>());
        Assert.Equal("squat", json["settings"]!["analysis"]!["exercise"]!.GetValue<string>());
        Assert.Equal("none", json["settings"]!["processing"]!["refine"]!.GetValue<string>());
        Assert.Equal("full", json["model"]!["name"]!.GetValue<string>());
        Assert.Equal(90, json["input"]!["rotationDegrees"]!.GetValue<int>());
        Assert.Equal(1280, json["input"]!["width"]!.GetValue<int>());
        Assert.Contains("3 frames could not be decoded and were skipped.", json["qualityWarnings"]!.AsArray().Select(w => w!.GetValue<string>()));
    }

    private static PoseFrame HideLeftKnee(PoseFrame pose)
    {
        var landmarks = pose.Landmarks.ToBuilder();
        var knee = landmarks[(int)BodyLandmark.LeftKnee];
        landmarks[(int)BodyLandmark.LeftKnee] = knee with { Visibility = 0.1f };
        return pose with { Landmarks = landmarks.MoveToImmutable() };
    }
}
