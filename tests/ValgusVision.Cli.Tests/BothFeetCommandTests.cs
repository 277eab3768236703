using ValgusVision.Tests.Support;
using System.Text.Json;

namespace ValgusVision.Cli.Tests;

/// <summary><c>--exercise double-leg-squat</c> and <c>forward-lunge</c> on the command line.</summary>
public sealed class BothFeetCommandTests : IDisposable
{
    private static readonly string Sample = Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.mp4");
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("double-leg-squat")]
    [InlineData("forward-lunge")]
    public async Task Live_refuses_them_in_one_line_with_exit_2(string exercise)
    {
        var (code, error) = await AnalyzeTestFiles.Run("live", "--camera", Sample, "--headless", "--exercise", exercise);
        Assert.Equal(CliError.BadInput, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains($"--exercise {exercise}: not available live", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_exercise_names_the_new_ones()
    {
        var (code, error) = await AnalyzeTestFiles.Run("analyze", Sample, "--exercise", "lunge", "--out", _files.Scratch);
        Assert.Equal(CliError.BadInput, code);
        Assert.Contains("double-leg-squat, forward-lunge", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The whole chain on a clip whose free foot is lifted: asked for a double-leg squat, the reports carry both knees
    /// and say the feet were not both down, rather than pretending.
    /// </summary>
    [Fact]
    public async Task Analyze_as_a_double_leg_squat_writes_both_knees_to_json_and_csv()
    {
        var (code, error) = await AnalyzeTestFiles.Run("analyze", Sample, "--exercise", "double-leg-squat", "--formats", "json,csv", "--out", _files.Scratch);
        Assert.True(code == 0, error);
        using var report = JsonDocument.Parse(File.ReadAllText(_files.File("sls-left-valgus15.report.json")));
        Assert.Equal("double-leg-squat", report.RootElement.GetProperty("exercise").GetString());
        var reps = report.RootElement.GetProperty("reps");
        Assert.Equal(3, reps.GetArrayLength());
        foreach (var rep in reps.EnumerateArray())
        {
            var knees = rep.GetProperty("bothKnees");
            Assert.Equal("one-foot-lifted", knees.GetProperty("feet").GetString());
            Assert.Contains("right ankle moved with the hips", knees.GetProperty("feetNote").GetString(), StringComparison.Ordinal);

            // The standing (left) knee's 15° valgus is read as it is on the single-leg squat (14.4° there), and the
            // rep says to treat it with caution.
            Assert.InRange(knees.GetProperty("leftFppaAtBottomDeg").GetDouble(), 12, 17);
            Assert.Contains("Treat with caution: the right ankle moved with the hips", rep.GetProperty("verdict").GetString(), StringComparison.Ordinal);
        }

        string header = File.ReadLines(_files.File("sls-left-valgus15.reps.csv")).First();
        Assert.Contains("both_feet,both_left_fppa_deg,both_right_fppa_deg,both_difference_deg,lead_leg", header, StringComparison.Ordinal);
    }
}
