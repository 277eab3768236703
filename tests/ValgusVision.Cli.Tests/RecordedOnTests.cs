using System.Text.Json;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// <c>--recorded-on</c> (analyze, batch, reanalyze; not live, whose recorder knows) and reanalyze keeping the recording
/// date of the report.json written with its frames CSV.
/// </summary>
public sealed class RecordedOnTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "valgus-recorded-on-" + Guid.NewGuid().ToString("N"));

    public RecordedOnTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("analyze", "2026-13-01")]
    [InlineData("analyze", "2.11.2026")]
    [InlineData("batch", "2026-11-02 09:00")]
    [InlineData("reanalyze", "yesterday")]
    public async Task A_value_that_is_not_a_date_is_one_line_with_exit_2(string command, string value)
    {
        string input = command == "reanalyze" ? FramesCsv("trial") : Path.Combine(_folder, "x.mp4");
        string[] args = command == "reanalyze"
            ? [command, input, "--recorded-on", value]
            : [command, input, "--out", Path.Combine(_folder, "out"), "--recorded-on", value];
        var (code, error) = await AnalyzeTestFiles.Run(args);
        Assert.Equal(CliError.BadInput, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains($"--recorded-on: '{value}' is not a date (YYYY-MM-DD)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_takes_no_recorded_on()
    {
        var (code, error) = await AnalyzeTestFiles.Run("live", "--camera", "0", "--recorded-on", "2026-11-02");
        Assert.Equal(CliError.BadInput, code);
        Assert.Contains("--recorded-on", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reanalyze_keeps_the_recording_date_of_its_sources_report_and_recorded_on_overrides_it()
    {
        string csv = FramesCsv("trial");
        File.WriteAllText(Path.Combine(_folder, "trial.report.json"), """{ "schema": "valgusvision.report/1", "recordedAt": "2026-11-02T09:14:03Z", "recordedAtSource": "container" }""");

        var (code, error) = await AnalyzeTestFiles.Run("reanalyze", csv, "--out", Path.Combine(_folder, "kept"));
        Assert.True(code == 0, error);
        Assert.Equal(("2026-11-02T09:14:03Z", "container"), Recorded(Path.Combine(_folder, "kept", "trial.report.json")));

        (code, error) = await AnalyzeTestFiles.Run("reanalyze", csv, "--out", Path.Combine(_folder, "given"), "--recorded-on", "2026-10-30T17:05");
        Assert.True(code == 0, error);
        Assert.Equal(("2026-10-30T17:05:00Z", "user"), Recorded(Path.Combine(_folder, "given", "trial.report.json")));
    }

    [Fact]
    public async Task Reanalyze_without_a_dated_source_report_says_not_known()
    {
        string csv = FramesCsv("alone");
        var (code, error) = await AnalyzeTestFiles.Run("reanalyze", csv, "--out", Path.Combine(_folder, "out"));
        Assert.True(code == 0, error);
        Assert.Equal((null, null), Recorded(Path.Combine(_folder, "out", "alone.report.json")));
        Assert.Contains("Recording date unknown", File.ReadAllText(Path.Combine(_folder, "out", "alone.report.html")), StringComparison.Ordinal);
    }

    private static (string?, string?) Recorded(string reportJson)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(reportJson));
        var root = json.RootElement;
        return (root.GetProperty("recordedAt").GetString(), root.GetProperty("recordedAtSource").GetString());
    }

    /// <summary>NAME.frames.csv of a person standing still for a second (the date is all these tests look at).</summary>
    private string FramesCsv(string name)
    {
        var landmarks = new Landmark[BodyLandmarks.Count];
        var world = new WorldLandmark[BodyLandmarks.Count];
        for (int i = 0; i < landmarks.Length; i++)
        {
            landmarks[i] = new Landmark(500, 100 + (i * 20), 0, 0.9f, 1);
            world[i] = new WorldLandmark(0, (i * 0.05f) - 0.5f, 0, 0.9f);
        }

        var frames = Enumerable.Range(0, 30).Select(i => new PoseFrame(i, i / 30.0, 1000, 1000, true, [.. landmarks], [.. world], 1, false)).ToList();
        string path = Path.Combine(_folder, name + ".frames.csv");
        using var writer = new StreamWriter(path);
        FramesCsvWriter.Write(writer, frames, SessionAnalyzer.Analyze(frames, AnalysisSettings.Default).Frames);
        return path;
    }
}
