using ValgusVision.Tests.Support;
namespace ValgusVision.Cli.Tests;

/// <summary><c>valgus eval</c>: exit 0 when every clip was evaluated, 1 when some failed, 2 when none could be.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Sample(string name) => Path.Combine(TestPaths.RepoRoot, "samples", name);

    [Fact]
    public async Task Only_clips_without_truth_is_exit_2_and_the_table_lists_them()
    {
        string clip = _files.File("no-truth.mp4");
        File.CreateSymbolicLink(clip, Sample("sls-right-neutral.mp4"));

        var (code, _) = await AnalyzeTestFiles.Run("eval", clip, _files.File("gone.mp4"), "--out", _files.File("out"));

        Assert.Equal(CliError.BadInput, code);
        string markdown = File.ReadAllText(_files.File("out/eval.md"));
        Assert.Contains("- truth '" + _files.File("no-truth.truth.csv") + "' not found", markdown, StringComparison.Ordinal);
        Assert.Contains("- clip '" + _files.File("gone.mp4") + "' not found", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_clip_among_bad_ones_is_evaluated_and_the_exit_is_1()
    {
        string mismatched = _files.File("mismatched.mp4");
        File.CreateSymbolicLink(mismatched, Sample("sls-right-neutral.mp4"));
        File.WriteAllLines(_files.File("mismatched.truth.csv"), File.ReadAllLines(Sample("sls-right-neutral.truth.csv"))[..100]);

        var (code, error) = await AnalyzeTestFiles.Run("eval", Sample("sls-right-neutral.mp4"), mismatched, "--out", _files.File("out"));

        Assert.True(code == CliError.Failed, error);
        string markdown = File.ReadAllText(_files.File("out/eval.md"));
        Assert.Contains("| sls-right-neutral.mp4 | all | right | frontal", markdown, StringComparison.Ordinal);
        Assert.Contains("mismatched.truth.csv' has 99 frames but clip", markdown, StringComparison.Ordinal);
        Assert.Equal(1 + 1 + 3, File.ReadAllLines(_files.File("out/eval.csv")).Length);
    }

    [Theory]
    [InlineData("--heatmap-window", "4", "--heatmap-window: 4 is not an odd number")]
    [InlineData("--roi-scale", "9", "--roi-scale: 9 is not between 0.5 and 3")]
    [InlineData("--smoothing", "maybe", "--smoothing: 'maybe' is not on or off")]
    [InlineData("--hip-centre", "pelvis", "--hip-centre: 'pelvis' is not model, estimated, anatomical or silhouette")]
    [InlineData("--crop-sampling", "edges", "--crop-sampling: 'edges' is not corner or centres")]
    [InlineData("--annotations", "missing.csv", "annotations 'missing.csv' not found")]
    [InlineData("--model", "huge", "--model: 'huge' is neither lite, full, heavy nor an existing model file")]
    public async Task A_bad_lever_is_one_line_and_exit_2_before_any_work(string option, string value, string message)
    {
        var (code, error) = await AnalyzeTestFiles.Run("eval", Sample("sls-right-neutral.mp4"), option, value, "--out", _files.File("out"));

        Assert.Equal(CliError.BadInput, code);
        Assert.Equal("valgus: " + message, error.Trim().Split('\n').Single()[..(8 + message.Length)]);
        Assert.False(Directory.Exists(_files.File("out")));
    }

    [Fact]
    public async Task Annotations_with_a_missing_column_are_one_line_and_exit_2_before_any_work()
    {
        File.WriteAllText(_files.File("clicks.csv"), "frame,side,hip_x,hip_y,knee_x,knee_y\n0,left,1,2,3,4\n");

        var (code, error) = await AnalyzeTestFiles.Run("eval", Sample("sls-right-neutral.mp4"), "--annotations", _files.File("clicks.csv"), "--out", _files.File("out"));

        Assert.Equal(CliError.BadInput, code);
        Assert.Equal($"valgus: annotations '{_files.File("clicks.csv")}': no column 'ankle_x' (need frame,side,hip_x,hip_y,knee_x,knee_y,ankle_x,ankle_y)", error.Trim());
        Assert.False(Directory.Exists(_files.File("out")));
    }
}
