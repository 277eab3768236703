using ValgusVision.Tests.Support;
using ValgusVision.Domain.Analysis;
using Xunit.Abstractions;

namespace ValgusVision.App.Tests;

/// <summary>
/// Issue 13's experimental foot-collapse proxy on the rendered squats whose stance foot rolls in 0° and 10° at each
/// bottom (otherwise the same clip): every rep of the rolled foot reads more than every rep of the flat one, and the
/// two means lie further apart than the proxy's frame-to-frame scatter at the reps' deepest frames. Measured
/// 2026-11-26: flat 0.7 / 1.2 / 1.2 %, rolled 6.6 / 4.4 / 4.4 % of the shoe's width (samples/README.md).
/// </summary>
[Collection(PoseEngineCollection.Name)]
public sealed class FootCollapseSampleTests(PoseEngineFixture engine, ITestOutputHelper output) : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Rolled_in_foot_reads_more_collapse_than_the_flat_one_beyond_the_noise()
    {
        var (flat, flatNoise) = await Measure("sls-left-valgus5-roll0");
        var (rolled, rolledNoise) = await Measure("sls-left-valgus5-roll10");

        Assert.Equal(3, flat.Length);
        Assert.Equal(3, rolled.Length);
        Assert.True(rolled.Min() > flat.Max(), $"rolled reps {string.Join(", ", rolled)} vs flat {string.Join(", ", flat)}");
        double noise = Math.Max(flatNoise, rolledNoise);
        Assert.True(rolled.Average() - flat.Average() > 2 * noise,
            FormattableString.Invariant($"difference {rolled.Average() - flat.Average():0.00} pp vs frame-to-frame SD {noise:0.00} pp"));
    }

    /// <summary>Per-rep foot collapse, and the SD of the per-frame reading over the reps' deepest frames around their means.</summary>
    private async Task<(double[] Reps, double Noise)> Measure(string clip)
    {
        string video = Path.Combine(TestPaths.RepoRoot, "samples", clip + ".mp4");
        var paths = new OutputPaths(_dir.File(clip), clip);
        using var job = new AnalysisJob(new AnalyzeOptions { OutputDirectory = paths.Directory, Formats = OutputFormats.Json }, engine.Create);
        var report = await job.RunAsync(video, paths, null, CancellationToken.None);
        var analysis = report.Analysis;
        var reps = analysis.Reps.Select(r => r.FootCollapsePct ?? double.NaN).ToArray();
        var deviations = new List<double>();
        foreach (var rep in analysis.Reps)
        {
            var deep = analysis.Frames
                .Where(m => m.RepIndex == rep.Index && m.DepthPct >= 0.9 * rep.DepthPct && m.AnkleOverFootBasePct is not null)
                .Select(m => m.AnkleOverFootBasePct!.Value).ToList();
            deviations.AddRange(deep.Select(v => v - deep.Average()));
        }

        double noise = Math.Sqrt(deviations.Select(d => d * d).Average());
        output.WriteLine(FormattableString.Invariant($"{clip}: reps {string.Join(" / ", reps.Select(r => r.ToString("0.00")))} %, frame SD {noise:0.00} pp over {deviations.Count} deep frames"));
        Assert.DoesNotContain(double.NaN, reps);
        return (reps, noise);
    }
}
