using ValgusVision.Tests.Support;
using ValgusVision.App;
using ValgusVision.Cli.Commands;
using ValgusVision.Domain.Analysis;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// <c>valgus analyze --exercise auto</c> (the default) on every committed sample: the side-view lunges are the lunge
/// test, every frontal squat (the yawed one too) stays a single-leg squat, and the console says which and why.
/// </summary>
public sealed class AutoExerciseSampleTests : IDisposable
{
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("lunge-left-42", Exercise.AnkleLunge)]
    [InlineData("lunge-right-30-heellift", Exercise.AnkleLunge)]
    [InlineData("sls-left-valgus15", Exercise.SingleLegSquat)]
    [InlineData("sls-right-neutral", Exercise.SingleLegSquat)]
    [InlineData("sls-left-yaw20", Exercise.SingleLegSquat)]
    [InlineData("sls-left-valgus5-roll0", Exercise.SingleLegSquat)]
    [InlineData("sls-left-valgus5-roll10", Exercise.SingleLegSquat)]
    public async Task Auto_picks_the_lunge_test_for_side_view_lunges_and_keeps_squats_squats(string clip, Exercise expected)
    {
        var options = new AnalyzeOptions { OutputDirectory = _files.Scratch, Formats = OutputFormats.Json };
        Assert.Equal(Exercise.Auto, options.Settings.Exercise);
        InputReport report;
        using (var job = new AnalysisJob(options))
        {
            report = await job.RunAsync(Path.Combine(TestPaths.RepoRoot, "samples", clip + ".mp4"), new OutputPaths(_files.Scratch, clip), null, CancellationToken.None);
        }

        var analysis = report.Analysis;
        Assert.True(expected == analysis.Exercise, $"{clip}: {analysis.Exercise} ({analysis.ExerciseReason})");
        string console = AnalyzeConsole.Describe(report, _files.Scratch);
        Assert.Contains("exercise chosen automatically: ", console, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Warnings, w => w.StartsWith("Could not tell the exercise", StringComparison.Ordinal));
        if (expected == Exercise.AnkleLunge)
        {
            Assert.Contains("exercise chosen automatically: filmed from the side with one foot ahead of the other", console, StringComparison.Ordinal);
            Assert.Equal(3, analysis.Ankle!.AllAttempts.Length);
            Assert.Contains("Lunge attempts", console, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(analysis.Ankle);
            Assert.Equal(3, analysis.Reps.Length);
            Assert.Contains("exercise chosen automatically: the motion is mostly the hips going down and up", console, StringComparison.Ordinal);
        }
    }
}
