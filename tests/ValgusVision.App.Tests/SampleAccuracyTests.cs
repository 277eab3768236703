using ValgusVision.Tests.Support;
using ValgusVision.App.Evaluation;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using Xunit.Abstractions;

namespace ValgusVision.App.Tests;

/// <summary>
/// The bundled samples are rendered people whose joint centres are known exactly (samples/*.truth.csv), so the whole
/// product — pose engine, biomechanics, reps — is measured against truth here, through the evaluation library
/// <c>valgus eval</c> runs. The FPPA guard is the mean absolute error at the rep bottoms recorded in docs/accuracy.md
/// plus 1°: it catches a regression, and it is tightened as the numbers improve. Never change the samples to make
/// these pass.
/// </summary>
[Collection(PoseEngineCollection.Name)]
public sealed class SampleAccuracyTests(PoseEngineFixture engine, ITestOutputHelper output) : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    // clip, stance, recorded mean |FPPA error| at the bottoms (samples/README.md) with the defaults (flip averaging on for
    // recorded frontal clips since 2026-12-07; before: 0.6, 0.6, 2.3, 1.0, 4.7), expect the view warning
    [InlineData("sls-left-valgus15", Side.Left, 0.5, false)]
    [InlineData("sls-right-neutral", Side.Right, 0.4, false)]
    [InlineData("sls-left-yaw20", Side.Left, 0.6, true)]
    // body B (a skinned mesh with soft tissue, held out: no setting was chosen on it; docs/accuracy.md "Held-out body B";
    // flip averaging made the woman read 0.9° further off, the heavy man 0.3° closer)
    [InlineData("sls-left-valgus15-bodyb", Side.Left, 1.8, false)]
    [InlineData("sls-right-valgus5-bodyb-heavy", Side.Right, 4.4, false)]
    public async Task Sample_gives_three_reps_on_the_stance_side_and_fppa_near_the_truth(
        string clip, Side stance, double recordedMeanErrorDeg, bool expectViewWarning)
    {
        string video = Path.Combine(TestPaths.RepoRoot, "samples", clip + ".mp4");
        var evaluation = new AccuracyEvaluation(new AnalyzeOptions { OutputDirectory = _dir.Path }, engine.Create);

        var result = await evaluation.RunAsync([video], null, null, CancellationToken.None);

        Assert.Empty(result.Failures);
        var accuracy = Assert.Single(result.Clips);
        Assert.Equal(stance, accuracy.Stance);
        Assert.True(accuracy.RepCountCorrect, $"{clip}: {accuracy.OurReps} reps for {accuracy.TruthReps} true ones");
        Assert.All(accuracy.Reps, r => Assert.Equal(stance, r.OurSide));
        Assert.All(accuracy.Reps, r => Assert.NotNull(r.FppaAtBottomDeg));
        foreach (var row in EvaluationTable.Rows(accuracy))
        {
            output.WriteLine(string.Join(" | ", row));
        }

        output.WriteLine(string.Join(" | ", EvaluationTable.JointRow(accuracy)));
        double meanAbs = accuracy.FppaAtBottoms.MeanAbs!.Value;
        Assert.True(meanAbs <= recordedMeanErrorDeg + 1.0,
            FormattableString.Invariant($"{clip}: mean |FPPA error| {meanAbs:F2}° grew beyond the recorded {recordedMeanErrorDeg:F1}° + 1°"));
        Assert.Equal(expectViewWarning, accuracy.ViewWarning);

        // The joints the tool draws sit near the true centres: a leg swap or a lost person would be far beyond this.
        Assert.All(accuracy.Joints, j => Assert.True(j.Pixels.Median < 25, $"{clip} {j.Name}: median {j.Pixels.Median:F1} px"));
    }
}
