namespace ValgusVision.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Missing_input_is_one_line_naming_it_and_exit_2()
    {
        var (code, error) = await AnalyzeTestFiles.Run("analyze", _files.File("gone.mp4"), "--out", _files.Scratch);
        Assert.Equal(CliError.BadInput, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("gone.mp4", error, StringComparison.Ordinal);
        Assert.StartsWith("valgus: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_format_is_refused_before_any_work()
    {
        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", Path.Combine(TestPaths.TestData, "videos", "mmpose-demo-5frames.mp4"), "--formats", "csv,gif", "--out", _files.Scratch);
        Assert.Equal(CliError.BadInput, code);
        Assert.Contains("gif", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_files.Scratch));
    }

    [Fact]
    public async Task Output_folder_that_cannot_be_written_is_exit_1()
    {
        string file = _files.File("occupied");
        File.WriteAllText(file, "a file where the folder should be");
        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", Path.Combine(TestPaths.TestData, "images", "coco", "000000000785.jpg"), "--out", file, "--formats", "json");
        Assert.Equal(CliError.Failed, code);
        Assert.Contains("cannot be written", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_analysis_writes_the_chosen_reports()
    {
        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", Path.Combine(TestPaths.TestData, "images", "coco", "000000000785.jpg"), "--out", _files.Scratch,
            "--formats", "csv,json", "--exercise", "single-leg-squat", "--threshold", "8");
        Assert.True(code == 0, error);
        Assert.True(File.Exists(_files.File("000000000785.report.json")));
        Assert.True(File.Exists(_files.File("000000000785.frames.csv")));
        Assert.False(File.Exists(_files.File("000000000785.overlay.mp4")));
        Assert.Contains("\"valgusThresholdDeg\": 8", File.ReadAllText(_files.File("000000000785.report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_bad_input_among_good_ones_is_reported_and_the_rest_analysed()
    {
        string bad = _files.File("bad.mp4");
        File.WriteAllText(bad, "not a video");
        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", bad, Path.Combine(TestPaths.TestData, "images", "h36m", "S5_SittingDown.54138969_002061.jpg"),
            "--out", _files.File("out"), "--formats", "json");
        // The bad input's line goes to the process's stderr (the command carries on), so only the outcome is checked here.
        Assert.True(code == CliError.Failed, error);
        Assert.True(File.Exists(Path.Combine(_files.File("out"), "S5_SittingDown.54138969_002061.report.json")));
        Assert.False(File.Exists(Path.Combine(_files.File("out"), "bad.report.json")));
    }
}
