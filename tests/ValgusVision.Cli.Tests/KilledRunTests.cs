namespace ValgusVision.Cli.Tests;

/// <summary>
/// A run killed outright (issue 21 item 3: a SIGKILL left hidden partial overlays that no rerun removed): kill -9
/// during the overlay video leaves its hidden temporary (and no overlay), and the next run in that folder removes it.
/// </summary>
public sealed class KilledRunTests : IDisposable
{
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_next_run_in_the_folder_removes_the_partial_overlay_a_killed_run_left()
    {
        string output = _files.File("out");
        Directory.CreateDirectory(output);
        string[] args = ["analyze", TestPaths.Sample("sls-left-valgus15.mp4"), "--out", output, "--formats", "video,csv"];
        using (var killed = new LiveProcess(args))
        {
            string? partial = null;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (partial is null && clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                Thread.Sleep(100);
                partial = Directory.GetFiles(output, ".sls-left-valgus15.overlay.partial-*.mp4").FirstOrDefault();
            }

            Assert.True(partial is not null, $"no partial overlay appeared; stdout: {killed.Output}; stderr: {killed.Error}");
            var ffmpeg = killed.ChildIds();
            killed.Signal("KILL");
            killed.WaitForExit(TimeSpan.FromSeconds(30));
            WaitUntilGone(ffmpeg); // its encoder ends at the end of its input; only then is the file left alone
            Assert.True(File.Exists(partial), "the killed run's temporary should still be there before the rerun");
        }

        var (code, _, error) = ChildValgus.Run("analyze", TestPaths.Sample("sls-left-valgus15.mp4"), "--out", output, "--formats", "json", "--end", "0.5");

        Assert.True(code == 0, error);
        Assert.Empty(Directory.GetFiles(output, ".*.partial-*"));
        Assert.True(File.Exists(Path.Combine(output, "sls-left-valgus15.report.json")));
        Assert.False(File.Exists(Path.Combine(output, "sls-left-valgus15.overlay.mp4")), "the killed run's overlay was never finished");
    }

    private static void WaitUntilGone(IReadOnlyList<int> pids)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (pids.Any(p => Directory.Exists($"/proc/{p}")) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(100);
        }
    }
}
