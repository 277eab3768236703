using System.Text.Json;
using ValgusVision.Domain.Csv;
using ValgusVision.Domain.Refinement;

namespace ValgusVision.App.Tests;

/// <summary>
/// A hip-point estimator's work is visible per frame (frames CSV), per session (report.json) and, where it kept the
/// model's hips, in the warnings: a hip it did not move is never taken for an estimated one. The bundled sample, real
/// pose engine, with <c>--hip-centre silhouette</c> and with the default.
/// </summary>
[Collection(PoseEngineCollection.Name)]
public sealed class HipPointReportTests(PoseEngineFixture engine) : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_silhouette_hips_are_marked_per_frame_and_counted_in_the_report()
    {
        var (report, paths) = await Run(HipCentreMode.Silhouette);
        var poses = FramesCsvReader.Read(paths.FramesCsv);

        var posed = poses.Where(p => p.HasPose).ToList();
        Assert.All(posed, p => Assert.True(p.Hips.Asked));
        Assert.DoesNotContain(poses, p => !p.HasPose && p.Hips.Asked);
        int moved = posed.Count(p => p.Hips.Moved);
        int kept = posed.Count - moved;
        Assert.True(moved > posed.Count / 2, $"the silhouette moved the hips on only {moved} of {posed.Count} frames");

        using var json = JsonDocument.Parse(File.ReadAllText(paths.ReportJson));
        var hipPoint = json.RootElement.GetProperty("summary").GetProperty("hipPoint");
        Assert.Equal(moved, hipPoint.GetProperty("movedFrames").GetInt32());
        Assert.Equal(kept, hipPoint.GetProperty("keptFrames").GetInt32());
        Assert.Equal(kept, hipPoint.GetProperty("keptReasons").EnumerateObject().Sum(r => r.Value.GetInt32()));
        Assert.Equal(kept > 0, report.Warnings.Any(w => w.StartsWith("--hip-centre silhouette kept the model's hips on ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task With_the_models_hips_nothing_is_marked()
    {
        var (report, paths) = await Run(HipCentreMode.Model);

        Assert.All(FramesCsvReader.Read(paths.FramesCsv), p => Assert.False(p.Hips.Asked));
        using var json = JsonDocument.Parse(File.ReadAllText(paths.ReportJson));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("summary").GetProperty("hipPoint").ValueKind);
        Assert.DoesNotContain(report.Warnings, w => w.StartsWith("--hip-centre", StringComparison.Ordinal));
    }

    private async Task<(InputReport Report, OutputPaths Paths)> Run(HipCentreMode mode)
    {
        string video = Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.mp4");
        var paths = new OutputPaths(_dir.File(mode.ToName()), "sls-left-valgus15");
        using var job = new AnalysisJob(
            new AnalyzeOptions { OutputDirectory = paths.Directory, Formats = OutputFormats.Csv | OutputFormats.Json, HipCentre = mode }, engine.Create);
        var report = await job.RunAsync(video, paths, null, CancellationToken.None);
        return (report, paths);
    }
}
