using ValgusVision.Tests.Support;
using System.CommandLine;
using ValgusVision.App;
using ValgusVision.Cli.Commands;
using ValgusVision.Domain.Analysis;

namespace ValgusVision.Cli.Tests;

/// <summary><c>valgus analyze --exercise ankle-lunge</c> on a video filmed from the front: one clear line, no angle.</summary>
public sealed class AnkleLungeCommandTests : IDisposable
{
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Frontal_video_gives_one_clear_line_and_no_tibial_angle()
    {
        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.mp4"), "--out", _files.Scratch,
            "--formats", "csv,json", "--exercise", "ankle-lunge");
        Assert.True(code == 0, error);
        string json = File.ReadAllText(_files.File("sls-left-valgus15.report.json"));
        Assert.Contains("\"exercise\": \"ankle-lunge\"", json, StringComparison.Ordinal);
        Assert.Contains("Lunge test: the body faced the camera", json, StringComparison.Ordinal);
        Assert.Contains("\"left\": null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"bestInclinationDeg\"", json, StringComparison.Ordinal);
        string attempts = File.ReadAllText(_files.File("sls-left-valgus15.attempts.csv"));
        Assert.Single(attempts.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Lite_model_on_a_lunge_is_said_to_be_unsuited_in_the_report()
    {
        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", Path.Combine(TestPaths.RepoRoot, "samples", "lunge-left-42.mp4"), "--out", _files.Scratch,
            "--formats", "json", "--exercise", "ankle-lunge", "--model", "lite");
        Assert.True(code == 0, error);
        string json = File.ReadAllText(_files.File("lunge-left-42.report.json"));
        Assert.Contains("the lite model is not suited to the lunge test", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reanalyzing_a_lunge_frames_csv_writes_and_prints_the_same_attempts_as_analyze()
    {
        // analyze's own job, so that its console lines (AnalyzeConsole.Describe) can be compared with reanalyze's.
        string video = Path.Combine(TestPaths.RepoRoot, "samples", "lunge-right-30-heellift.mp4");
        var options = new AnalyzeOptions
        {
            OutputDirectory = _files.Scratch,
            Formats = OutputFormats.Csv,
            Settings = AnalysisSettings.Default with { Exercise = Exercise.AnkleLunge },
        };
        InputReport report;
        using (var job = new AnalysisJob(options))
        {
            report = await job.RunAsync(video, new OutputPaths(_files.Scratch, "lunge-right-30-heellift"), null, CancellationToken.None);
        }

        string analyzed = AnalyzeConsole.Describe(report, _files.Scratch);
        string outDir = _files.File("again");
        var printed = new StringWriter();
        var parse = CliApp.BuildRoot().Parse(["reanalyze", _files.File("lunge-right-30-heellift.frames.csv"), "--exercise", "ankle-lunge", "--out", outDir]);
        int code = await parse.InvokeAsync(new InvocationConfiguration { Output = printed, EnableDefaultExceptionHandler = false });

        Assert.Equal(0, code);
        string[] original = File.ReadAllLines(_files.File("lunge-right-30-heellift.attempts.csv"));
        string[] again = File.ReadAllLines(Path.Combine(outDir, "lunge-right-30-heellift.attempts.csv"));
        Assert.Equal(4, original.Length); // header + 3 attempts
        Assert.Contains(original, line => line.StartsWith("right,3,", StringComparison.Ordinal) && line.Contains(",heel lift,", StringComparison.Ordinal));
        Assert.Equal(original, again); // the frames CSV carries everything the lunge test reads
        Assert.True(File.Exists(Path.Combine(outDir, "lunge-right-30-heellift.report.json")));
        Assert.Empty(Directory.GetFiles(outDir, "*.partial*"));

        // The console: the attempts and the verdict per leg, not "No reps found", and the same block as analyze's.
        string text = printed.ToString();
        Assert.DoesNotContain("No reps found", text, StringComparison.Ordinal);
        Assert.Contains("weight-bearing lunge test (chosen by the user)", text, StringComparison.Ordinal);
        string[] lines = text.Split('\n');
        int first = Array.FindIndex(lines, l => l.Contains("Lunge attempts", StringComparison.Ordinal));
        int last = Array.FindIndex(lines, l => l.StartsWith("Right ankle: best ", StringComparison.Ordinal));
        Assert.True(first >= 0 && last > first, text);
        Assert.Equal(3, lines[first..last].Count(l => l.Contains("│ Right │", StringComparison.Ordinal)));
        Assert.Contains(lines[first..last], l => l.Contains("heel lift", StringComparison.Ordinal) && l.Contains("not counted", StringComparison.Ordinal));
        Assert.Contains("restricted (below the 35° cut-off)", lines[last], StringComparison.Ordinal);
        string block = string.Join('\n', lines[first..(last + 1)]);
        Assert.Contains(block, analyzed.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
