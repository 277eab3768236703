namespace ValgusVision.Cli.Tests;

public sealed class BatchCommandTests : IDisposable
{
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Bad_shard_is_refused_with_the_expected_form()
    {
        var (code, error) = await AnalyzeTestFiles.Run("batch", _files.Scratch, "--out", _files.File("out"), "--shard", "2/2");
        Assert.Equal(CliError.BadInput, code);
        Assert.Contains("i/N", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_without_videos_is_one_clear_error()
    {
        var (code, error) = await AnalyzeTestFiles.Run("batch", _files.Scratch, "--out", _files.File("out"));
        Assert.Equal(CliError.BadInput, code);
        Assert.Contains("no videos", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_with_one_broken_video_writes_the_summary_and_exits_1()
    {
        string study = _files.File("study");
        Directory.CreateDirectory(study);
        File.CreateSymbolicLink(Path.Combine(study, "a.mp4"), Path.Combine(TestPaths.TestData, "videos", "mmpose-demo-5frames.mp4"));
        File.WriteAllText(Path.Combine(study, "b.mp4"), "broken");
        var (code, error) = await AnalyzeTestFiles.Run("batch", study, "--out", _files.File("out"), "--formats", "csv");
        Assert.True(code == CliError.Failed, error);
        var summary = File.ReadAllLines(Path.Combine(_files.File("out"), "summary.csv"));
        Assert.StartsWith("a.mp4,ok,", summary[1], StringComparison.Ordinal);
        Assert.StartsWith("b.mp4,failed,", summary[2], StringComparison.Ordinal);
    }
}
