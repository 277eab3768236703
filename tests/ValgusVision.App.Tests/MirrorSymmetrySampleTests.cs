using ValgusVision.Tests.Support;
using ValgusVision.App.Evaluation;
using Xunit.Abstractions;

namespace ValgusVision.App.Tests;

/// <summary>
/// Mirror symmetry (issue 18 item 4): a bundled sample's FPPA and its left-right mirror's (legs swapped) per stance
/// frame, as `valgus analyze` runs a recorded frontal clip (flip averaging on by default since 2026-12-07) and with
/// flip averaging turned off. Bounds are what was achieved plus a margin for harmless drift; tighten them when a change
/// makes the tool more symmetric.
/// </summary>
[Collection(PoseEngineCollection.Name)]
public sealed class MirrorSymmetrySampleTests(PoseEngineFixture engine, ITestOutputHelper output)
{
    /// <summary>
    /// With flip averaging the model's own lean cancels, and with the mirrored run's mask averaged in too the refinement
    /// no longer puts it back: sls-left-valgus15 0.29° mean, 0.67° p95, 0.97° worst on 2026-12-04 (0.47° / 1.03° with
    /// the plain run's mask alone; 1.34° / 1.98° before the mirrored crop was mapped back exactly); bounds: that plus
    /// about half again, inside the targets (0.5° mean, 1.5° p95). Body B's female sample (held out): 0.64°,
    /// 2.29°, 3.21° while the refinement's guards decided hard (the clip keeping the model's points where its mirror
    /// moved them, on 44 of 135 frames), 0.41°, 1.35°, 1.74° with the guards blended over their margins (2026-12-04);
    /// bounds between the two, so a return to hard guards fails.
    /// </summary>
    [Theory]
    [InlineData("sls-left-valgus15", 0.45, 1.0, 1.5)]
    [InlineData("sls-left-valgus15-bodyb", 0.55, 1.8, 2.4)]
    public async Task By_default_a_recorded_sample_and_its_mirror_agree_within_the_targets(string name, double mean, double p95, double worst)
    {
        string clip = Path.Combine(TestPaths.RepoRoot, "samples", name + ".mp4");
        var (clips, failures, _) = await new MirrorEvaluation(new AnalyzeOptions(), engine.Create).RunAsync([clip], null, null, CancellationToken.None);

        Assert.Empty(failures);
        var symmetry = Assert.Single(clips);
        output.WriteLine(symmetry.Line());
        Assert.True(symmetry.Frames >= 100, $"{symmetry.Frames} stance frames compared");
        Assert.InRange(symmetry.MeanAbsDeg!.Value, 0, mean);
        Assert.InRange(symmetry.P95Deg!.Value, 0, p95);
        Assert.InRange(symmetry.WorstDeg!.Value, 0, worst);
    }

    /// <summary>
    /// Without flip averaging (live, the lunge test, or <c>--flip-average off</c>) the model's left/right lean stays:
    /// 0.66° mean, 1.93° p95, 2.46° worst on 2026-12-03 (docs/accuracy.md, "Mirror symmetry"), outside the targets.
    /// </summary>
    [Fact]
    public async Task Without_flip_averaging_a_sample_and_its_mirror_agree_within_the_achieved_bounds()
    {
        string clip = Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.mp4");
        var options = new AnalyzeOptions { Levers = PoseLevers.Default with { FlipAveraging = false } };
        var (clips, failures, _) = await new MirrorEvaluation(options, engine.Create).RunAsync([clip], null, null, CancellationToken.None);

        Assert.Empty(failures);
        var symmetry = Assert.Single(clips);
        output.WriteLine(symmetry.Line());
        Assert.True(symmetry.Frames >= 100, $"{symmetry.Frames} stance frames compared");
        Assert.InRange(symmetry.MeanAbsDeg!.Value, 0, 0.9);
        Assert.InRange(symmetry.P95Deg!.Value, 0, 2.3);
        Assert.InRange(symmetry.WorstDeg!.Value, 0, 3.0);
    }
}
