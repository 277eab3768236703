using System.Text.Json;
using System.Text.Json.Nodes;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.App.Tests;

/// <summary>
/// Batch resume is keyed by everything that changes an output: same settings skip, other analysis settings are
/// recomputed from frames.csv without the model (equal to a fresh run), other pose settings redo the video; each says why.
/// </summary>
[Collection(PoseEngineCollection.Name)]
public sealed class BatchResumeTests(PoseEngineFixture engine) : IDisposable
{
    private const OutputFormats Formats = OutputFormats.Csv | OutputFormats.Json;

    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Same_settings_skip_silently()
    {
        string study = Study();
        await Runner(study, "out", new AnalyzeOptions()).RunAsync(null, CancellationToken.None);

        var again = Runner(study, "out", new AnalyzeOptions(), NoModel);
        var decision = Assert.Single(again.Decisions());
        Assert.Equal(ResumeAction.Skip, decision.Action);
        Assert.Null(decision.Message);
        var result = await again.RunAsync(null, CancellationToken.None);
        Assert.Equal((0, 0, 1), (result.Analysed, result.Recomputed, result.Skipped));
    }

    [Fact]
    public async Task Other_threshold_is_recomputed_from_frames_csv_without_the_model_and_equals_a_fresh_run()
    {
        string study = Study();
        var first = await Runner(study, "out", new AnalyzeOptions()).RunAsync(null, CancellationToken.None);
        var twenty = new AnalyzeOptions { Settings = AnalysisSettings.Default with { ValgusThresholdDeg = 20 } };

        var rerun = Runner(study, "out", twenty, NoModel);
        var decision = Assert.Single(rerun.Decisions());
        Assert.Equal(ResumeAction.Recompute, decision.Action);
        Assert.Equal("redoing sls.mp4 from frames.csv (no model): threshold 10 → 20", decision.Message);
        var recomputed = await rerun.RunAsync(null, CancellationToken.None);
        Assert.Empty(recomputed.Failures);
        Assert.Equal((0, 1, 0), (recomputed.Analysed, recomputed.Recomputed, recomputed.Skipped));

        // The 15° valgus sample has events over 10° that 20° does not count: the change reached summary.csv …
        Assert.NotEqual(first.Rows.Sum(r => r.Events), recomputed.Rows.Sum(r => r.Events));
        // … and the outputs are those of a fresh run at 20°, made with the model.
        var fresh = await Runner(study, "fresh", twenty).RunAsync(null, CancellationToken.None);
        Assert.Equal(fresh.Rows, recomputed.Rows);
        Assert.Equal(File.ReadAllText(Output("fresh", "sls.reps.csv")), File.ReadAllText(Output("out", "sls.reps.csv")));
        Assert.Equal(File.ReadAllText(Output("fresh", "sls.frames.csv")), File.ReadAllText(Output("out", "sls.frames.csv")));
        Assert.Equal(Comparable(Output("fresh", "sls.report.json")), Comparable(Output("out", "sls.report.json")));

        // Recomputed outputs carry the new key: the next run with 20° skips.
        Assert.Equal(ResumeAction.Skip, Assert.Single(Runner(study, "out", twenty, NoModel).Decisions()).Action);
    }

    [Fact]
    public async Task Another_client_name_remakes_the_reports_from_frames_csv_with_the_name()
    {
        string study = Study();
        await Runner(study, "out", new AnalyzeOptions()).RunAsync(null, CancellationToken.None);
        var named = new AnalyzeOptions { Session = SessionOptions.Default with { Client = "Anna Berg" } };

        var rerun = Runner(study, "out", named, NoModel);
        var decision = Assert.Single(rerun.Decisions());
        Assert.Equal(ResumeAction.Recompute, decision.Action);
        Assert.Equal("redoing sls.mp4 from frames.csv (no model): client (unset) → Anna Berg", decision.Message);
        await rerun.RunAsync(null, CancellationToken.None);
        Assert.Equal("Anna Berg", JsonNode.Parse(File.ReadAllText(Output("out", "sls.report.json")))!["client"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_recorded_on_date_remakes_the_reports_from_frames_csv_with_it()
    {
        string study = Study();
        await Runner(study, "out", new AnalyzeOptions()).RunAsync(null, CancellationToken.None);
        var dated = new AnalyzeOptions { Session = SessionOptions.Default with { RecordedAt = Domain.Recording.RecordingTimeSources.ParseUser("2026-10-30") } };

        var rerun = Runner(study, "out", dated, NoModel);
        var decision = Assert.Single(rerun.Decisions());
        Assert.Equal(ResumeAction.Recompute, decision.Action);
        Assert.Equal("redoing sls.mp4 from frames.csv (no model): recorded-on (none) → 2026-10-30T00:00:00Z", decision.Message);
        await rerun.RunAsync(null, CancellationToken.None);
        var report = JsonNode.Parse(File.ReadAllText(Output("out", "sls.report.json")))!;
        Assert.Equal(("2026-10-30T00:00:00Z", "user"), (report["recordedAt"]!.GetValue<string>(), report["recordedAtSource"]!.GetValue<string>()));
        Assert.Equal(ResumeAction.Skip, Assert.Single(Runner(study, "out", dated, NoModel).Decisions()).Action);
        // Dropping the date again is a change too: the reports go back to the container's (here none).
        Assert.Equal(ResumeAction.Recompute, Assert.Single(Runner(study, "out", new AnalyzeOptions(), NoModel).Decisions()).Action);
    }

    [Fact]
    public async Task Other_pose_setting_redoes_the_video_and_says_which()
    {
        string study = Study();
        await Runner(study, "out", new AnalyzeOptions()).RunAsync(null, CancellationToken.None);

        var decision = Assert.Single(Runner(study, "out", new AnalyzeOptions { Refine = Domain.Refinement.JointRefinementMode.None }).Decisions());
        Assert.Equal(ResumeAction.Redo, decision.Action);
        Assert.Equal("redoing sls.mp4: refine mask → none", decision.Message);

        var window = Assert.Single(Runner(study, "out", new AnalyzeOptions { Levers = PoseLevers.Default with { HeatmapWindow = 0 } }).Decisions());
        Assert.Equal(ResumeAction.Redo, window.Action);
        Assert.StartsWith("redoing sls.mp4: pose HeatmapWindow ", window.Message, StringComparison.Ordinal);
        Assert.EndsWith(" → 0", window.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_formats_are_recomputed_and_a_marker_without_a_key_is_redone()
    {
        string study = Study();
        await Runner(study, "out", new AnalyzeOptions()).RunAsync(null, CancellationToken.None);

        var html = Assert.Single(Runner(study, "out", new AnalyzeOptions(), NoModel, Formats | OutputFormats.Html).Decisions());
        Assert.Equal(ResumeAction.Recompute, html.Action);
        Assert.EndsWith(": formats csv,json → csv,json,html", html.Message, StringComparison.Ordinal);

        // A marker as versions before the key wrote it.
        string marker = Path.Combine(_dir.File("out"), ".sls.complete");
        var node = JsonNode.Parse(File.ReadAllText(marker))!.AsObject();
        node.Remove("Pose");
        node.Remove("Analysis");
        File.WriteAllText(marker, node.ToJsonString());
        var old = Assert.Single(Runner(study, "out", new AnalyzeOptions()).Decisions());
        Assert.Equal(ResumeAction.Redo, old.Action);
        Assert.Contains("older version", old.Message, StringComparison.Ordinal);
    }

    /// <summary>An estimator factory that fails the test if a recomputation ever loads the model.</summary>
    private static IPoseEstimator NoModel(bool still, PoseLevers levers) => throw new InvalidOperationException("the model must not run when recomputing from frames.csv");

    private string Study()
    {
        string study = _dir.File("study");
        Directory.CreateDirectory(study);
        File.CreateSymbolicLink(Path.Combine(study, "sls.mp4"), TestPaths.Sample("sls-left-valgus15.mp4"));
        return study;
    }

    private string Output(string folder, string file) => Path.Combine(_dir.File(folder), file);

    private BatchRunner Runner(string study, string outFolder, AnalyzeOptions options, PoseEstimatorFactory? estimator = null, OutputFormats formats = Formats) =>
        new(
            new BatchOptions { Inputs = [study], Analyze = options with { OutputDirectory = _dir.File(outFolder), Formats = formats } },
            estimator ?? engine.Create);

    /// <summary>report.json without the one field that differs between any two runs: when it was written.</summary>
    private static string Comparable(string reportJson)
    {
        var node = JsonNode.Parse(File.ReadAllText(reportJson))!.AsObject();
        Assert.True(node.Remove("createdUtc"));
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
