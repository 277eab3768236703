using ValgusVision.Tests.Support;
using ValgusVision.App;
using ValgusVision.Cli.Commands;
using ValgusVision.Domain.Analysis;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// Issue 19 on clips made from the valgus-15 sample (tests/data/derived/README.md): a recording whose legs cannot be
/// seen says "not measured" with the reason — in the console line, reps, report.json and summary.csv — never "0 valgus
/// events"; numbers whose accuracy is unknown are grey in the report; the untouched sample keeps its numbers.
/// </summary>
public sealed class BadFramingSampleTests : IDisposable
{
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Derived(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "data", "derived", name + ".mp4");

    private static string Sample(string name) => Path.Combine(TestPaths.RepoRoot, "samples", name + ".mp4");

    private async Task<InputReport> Analyze(string input, OutputFormats formats = OutputFormats.Json)
    {
        var options = new AnalyzeOptions { OutputDirectory = _files.Scratch, Formats = formats };
        using var job = new AnalysisJob(options);
        string name = Path.GetFileNameWithoutExtension(input);
        return await job.RunAsync(input, new OutputPaths(_files.Scratch, name), null, CancellationToken.None);
    }

    [Fact]
    public async Task Feet_cropped_off_is_a_single_leg_squat_whose_reps_are_not_measured_never_a_drop_jump()
    {
        var report = await Analyze(Derived("sls-left-valgus15.feet-cropped"));
        var a = report.Analysis;
        Assert.NotEqual(Exercise.DropJump, a.Exercise);
        Assert.NotEmpty(a.Reps);
        Assert.All(a.Reps, r => Assert.Equal(NotMeasuredReason.OutOfFrame, r.NotMeasured));
        Assert.All(a.Reps, r => Assert.StartsWith("Not measured: the leg was cut by the edge", r.Verdict, StringComparison.Ordinal));
        Assert.Equal(NotMeasuredReason.OutOfFrame, a.Summary.NotMeasured);
        string console = AnalyzeConsole.Describe(report, _files.Scratch);
        Assert.Contains("not measured: the leg was cut by the edge of the picture", console, StringComparison.Ordinal);
        Assert.DoesNotContain("0 valgus events", console, StringComparison.Ordinal);
        string json = File.ReadAllText(Path.Combine(_files.Scratch, "sls-left-valgus15.feet-cropped.report.json"));
        Assert.Contains("\"notMeasured\": \"out-of-frame\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stance_leg_hidden_behind_a_box_is_not_measured_and_summary_csv_leaves_the_events_cell_empty()
    {
        string study = Path.Combine(_files.Scratch, "study");
        Directory.CreateDirectory(study);
        File.Copy(Derived("sls-left-valgus15.stance-hidden"), Path.Combine(study, "hidden.mp4"));
        var (code, error) = await AnalyzeTestFiles.Run("batch", study, "--out", _files.File("out"), "--formats", "csv");
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(Path.Combine(_files.File("out"), "summary.csv"));
        var header = lines[0].Split(',');
        string line = Assert.Single(lines.Skip(1));

        // Cells up to "events" hold no commas; the reason is quoted (it has commas).
        var row = line.Split(',');
        Assert.Equal(string.Empty, row[Array.IndexOf(header, "events")]);
        Assert.Contains(",\"the leg was hidden — keep hip, knee and foot in view\",", line, StringComparison.Ordinal);
        Assert.Contains("people_seen", header);
        Assert.Contains("reps_not_measured", header);
    }

    [Fact]
    public async Task The_yawed_sample_is_grey_with_the_reason_at_the_top_and_the_frontal_sample_keeps_its_colour_and_numbers()
    {
        var yawed = await Analyze(Sample("sls-left-yaw20"), OutputFormats.Html);
        string html = File.ReadAllText(Path.Combine(_files.Scratch, "sls-left-yaw20.report.html"));
        Assert.Contains("<p class=\"untrusted\"><strong>Accuracy unknown: not a frontal view", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"big\" style=\"color:#e74c3c\"", html, StringComparison.Ordinal);
        // The verdict beside the grey number does not judge it against the limit, and its badge says so.
        Assert.Contains("limit because the accuracy is unknown", html, StringComparison.Ordinal);
        Assert.Contains(">Not compared</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("the knee caves in noticeably", html, StringComparison.Ordinal);
        // The charts say the same: events in grey, "not compared" in the caption (red is for trusted numbers).
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Rendering.Charts.SessionCharts.FppaCaption(trusted: false)), html, StringComparison.Ordinal);
        Assert.NotNull(yawed.Analysis.Summary.Left.FppaAtBottom.Mean);
        Assert.Contains("° (accuracy unknown: not a frontal view", AnalyzeConsole.Describe(yawed, _files.Scratch), StringComparison.Ordinal);

        var frontal = await Analyze(Sample("sls-left-valgus15"), OutputFormats.Html);
        string clean = File.ReadAllText(Path.Combine(_files.Scratch, "sls-left-valgus15.report.html"));
        Assert.DoesNotContain("class=\"untrusted\"", clean, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Rendering.Charts.SessionCharts.FppaCaption(trusted: true)), clean, StringComparison.Ordinal);
        Assert.Contains("class=\"big\" style=\"color:#e74c3c\"", clean, StringComparison.Ordinal);
        var left = frontal.Analysis.Summary.Left;
        Assert.Equal(3, left.RepCount);
        Assert.InRange(left.FppaAtBottom.Mean!.Value, 13.9, 14.9);
        Assert.Equal(3, frontal.Analysis.Events.Length);
        Assert.Equal(0, frontal.Analysis.Summary.RepsNotMeasured);
        Assert.DoesNotContain("accuracy unknown", AnalyzeConsole.Describe(frontal, _files.Scratch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_160_by_120_copy_states_its_accuracy_unknown_and_no_number_beyond_45_degrees()
    {
        var report = await Analyze(Derived("sls-left-valgus15.160x120"));
        string json = File.ReadAllText(Path.Combine(_files.Scratch, "sls-left-valgus15.160x120.report.json"));
        Assert.Contains("\"expectedFppaAccuracy\": \"accuracy unknown: ", json, StringComparison.Ordinal);
        Assert.All(report.Analysis.Frames, m =>
        {
            Assert.True(m.LeftFppaDeg is null || Math.Abs(m.LeftFppaDeg.Value) <= 45);
            Assert.True(m.RightFppaDeg is null || Math.Abs(m.RightFppaDeg.Value) <= 45);
        });
    }
}
