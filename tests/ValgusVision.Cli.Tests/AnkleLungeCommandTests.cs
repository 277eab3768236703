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
}
