using ValgusVision.Tests.Support;
using ValgusVision.App.Evaluation;

namespace ValgusVision.App.Tests;

/// <summary>
/// A clip whose truth is missing, malformed or of another length is one line naming the file, and the other clips
/// go on. None of these reaches the pose model.
/// </summary>
public sealed class EvaluationBadInputTests : IDisposable
{
    private static readonly string Sample = Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15");
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string ClipWithTruth(string name, Func<string[], string[]>? editTruth)
    {
        string clip = _dir.File(name + ".mp4");
        File.CreateSymbolicLink(clip, Sample + ".mp4");
        if (editTruth is not null)
        {
            File.WriteAllLines(_dir.File(name + ".truth.csv"), editTruth(File.ReadAllLines(Sample + ".truth.csv")));
        }

        return clip;
    }

    [Fact]
    public async Task Missing_malformed_and_mismatched_truth_each_fail_with_one_line_and_the_rest_go_on()
    {
        string missing = ClipWithTruth("no-truth", null);
        string malformed = ClipWithTruth("malformed", lines =>
        {
            var cells = lines[11].Split(',');
            cells[5] = "abc"; // left_hip_x of frame 10, line 12
            lines[11] = string.Join(',', cells);
            return lines;
        });
        string shorter = ClipWithTruth("shorter", lines => lines[..^1]);
        var failed = new List<string>();
        var evaluation = new AccuracyEvaluation(new AnalyzeOptions(), (_, _) => throw new InvalidOperationException("the model must not run"));

        var result = await evaluation.RunAsync([missing, malformed, shorter], null, failed.Add, CancellationToken.None);

        Assert.Empty(result.Clips);
        Assert.Equal(result.Failures, failed);
        Assert.Equal(3, failed.Count);
        Assert.All(failed, f => Assert.DoesNotContain('\n', f));
        Assert.Contains("no-truth.truth.csv' not found", failed[0], StringComparison.Ordinal);
        Assert.Contains("malformed.truth.csv' line 12, column left_hip_x: 'abc' is not a number", failed[1], StringComparison.Ordinal);
        Assert.Contains("shorter.truth.csv' has 148 frames but clip", failed[2], StringComparison.Ordinal);
        Assert.Contains("has 149", failed[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_clip_is_named()
    {
        var evaluation = new AccuracyEvaluation(new AnalyzeOptions(), (_, _) => throw new InvalidOperationException("the model must not run"));

        var result = await evaluation.RunAsync([_dir.File("gone.mp4")], null, null, CancellationToken.None);

        Assert.Contains("clip '" + _dir.File("gone.mp4") + "' not found", Assert.Single(result.Failures), StringComparison.Ordinal);
    }
}
