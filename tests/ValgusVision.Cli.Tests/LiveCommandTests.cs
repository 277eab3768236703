using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// <c>valgus live</c> end to end, on samples/sls-left-valgus15.mp4 (720p, 30 fps, 5 s, three left-leg squats) played
/// as a camera. Each run plays in real time, so these tests take several seconds each.
/// </summary>
public sealed class LiveCommandTests : IDisposable
{
    private static readonly string Video = Path.Combine(ModelsTestFiles.RepositoryRoot, "samples", "sls-left-valgus15.mp4");
    private readonly string folder = Path.Combine(Path.GetTempPath(), "valgus-live-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Headless_session_to_the_end_of_a_video_writes_a_complete_recording()
    {
        using var live = new LiveProcess(["live", "--camera", Video, "--headless", "--side", "left", "--record", folder]);
        int exit = live.WaitForExit(TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"exit {exit}; stderr: {live.Error}; stdout: {live.Output}");
        Assert.Contains("live session ended (end of the video)", live.Output);
        Assert.Contains("capture→display latency", live.Output);
        int frames = AssertRecordingComplete();
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        Assert.Contains(frames.ToString(CultureInfo.InvariantCulture), report.RootElement.GetRawText());
    }

    [Fact]
    public void Recording_is_complete_after_sigint()
    {
        using var live = new LiveProcess(["live", "--camera", Video, "--headless", "--record", folder]);
        // The first console line comes once the model runs on the first frames.
        Assert.True(live.WaitForOutput(" s  stance", TimeSpan.FromMinutes(2)), $"no live output; stderr: {live.Error}");
        Thread.Sleep(1500);
        live.Signal("INT");
        int exit = live.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.True(exit == 130, $"exit {exit}; stderr: {live.Error}; stdout: {live.Output}");
        Assert.Contains("live session ended (interrupted)", live.Output);
        AssertRecordingComplete();
    }

    [Fact]
    public void No_camera_at_that_index_is_one_clear_line_and_exit_2()
    {
        using var live = new LiveProcess(["live", "--camera", "9", "--headless"]);
        int exit = live.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.Equal(2, exit);
        Assert.Contains("valgus: --camera 9: no camera at that index", live.Error);
    }

    [Fact]
    public void No_display_without_headless_is_one_clear_line_and_exit_2()
    {
        using var live = new LiveProcess(["live", "--camera", Video], new Dictionary<string, string?> { ["DISPLAY"] = null, ["WAYLAND_DISPLAY"] = null });
        int exit = live.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.Equal(2, exit);
        Assert.Contains("valgus: no display: DISPLAY is not set", live.Error);
    }

    /// <summary>Video, frames CSV, reps CSV and both reports exist, and the video has one frame per CSV row.</summary>
    private int AssertRecordingComplete()
    {
        foreach (var name in new[] { "camera.mp4", "frames.csv", "reps.csv", "report.json", "report.html" })
        {
            Assert.True(File.Exists(Path.Combine(folder, name)), $"{name} missing in {folder}: {string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName))}");
        }

        Assert.Empty(Directory.GetFiles(folder, "*.partial*"));
        int rows = File.ReadAllLines(Path.Combine(folder, "frames.csv")).Length - 1;
        Assert.True(rows > 10, $"only {rows} frames recorded");
        Assert.Equal(rows, CountVideoFrames(Path.Combine(folder, "camera.mp4")));
        return rows;
    }

    private static int CountVideoFrames(string path)
    {
        var start = new ProcessStartInfo("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var probe = Process.Start(start)!;
        string text = probe.StandardOutput.ReadToEnd().Trim();
        probe.WaitForExit();
        return int.Parse(text, CultureInfo.InvariantCulture);
    }
}
