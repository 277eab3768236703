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
            "analyze", Path.Combine(AnalyzeTestFiles.RepoRoot, "samples", "sls-left-valgus15.mp4"), "--out", _files.Scratch,
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
    public async Task Reanalyzing_a_lunge_frames_csv_writes_the_same_attempts()
    {
        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", Path.Combine(AnalyzeTestFiles.RepoRoot, "samples", "lunge-right-30-heellift.mp4"), "--out", _files.Scratch,
            "--formats", "csv", "--exercise", "ankle-lunge");
        Assert.True(code == 0, error);
        string outDir = _files.File("again");

        (code, error) = await AnalyzeTestFiles.Run(
            "reanalyze", _files.File("lunge-right-30-heellift.frames.csv"), "--exercise", "ankle-lunge", "--out", outDir);

        Assert.True(code == 0, error);
        string[] original = File.ReadAllLines(_files.File("lunge-right-30-heellift.attempts.csv"));
        string[] again = File.ReadAllLines(Path.Combine(outDir, "attempts.csv"));
        Assert.Equal(4, original.Length); // header + 3 attempts
        Assert.Contains(original, line => line.StartsWith("right,3,", StringComparison.Ordinal) && line.Contains(",heel lift,", StringComparison.Ordinal));
        Assert.Equal(original, again); // the frames CSV carries everything the lunge test reads
        Assert.True(File.Exists(Path.Combine(outDir, "report.json")));
        Assert.Empty(Directory.GetFiles(outDir, "*.partial*"));
    }
}
