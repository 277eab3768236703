using ValgusVision.Tests.Support;
using System.Diagnostics;
using System.Text.Json;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// The live window under a virtual X server: a screenshot of a session playing samples/sls-left-valgus15.mp4 must
/// show the overlay. The overlay draws its FPPA colours (green, amber, red) and skeleton white as exact RGB values;
/// the video, an H.264 render of black, red and green figures, almost never hits those exact values, which the
/// control on the video's own frame checks. The window tests share this class so that they take turns.
/// </summary>
public sealed class LiveWindowTests
{
    private static readonly (byte R, byte G, byte B)[] OverlayColours =
    [
        (0x2E, 0xCC, 0x71), (0xF5, 0xA6, 0x23), (0xE7, 0x4C, 0x3C), (0xEC, 0xF0, 0xF1),
    ];

    [Fact]
    public void Window_under_xvfb_shows_the_overlay()
    {
        string video = Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.mp4");
        using var screen = new VirtualScreen();
        using var live = new LiveProcess(["live", "--camera", video, "--side", "left", "--duration", "30"], new Dictionary<string, string?> { ["DISPLAY"] = screen.Display });

        // Grab until a shot shows the overlay or the session ends (model loading takes a few seconds).
        int best = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2) && best < 2000)
        {
            Thread.Sleep(1000);
            best = Math.Max(best, VirtualScreen.CountPixels(screen.Grab(), OverlayColours));
            if (live.Output.Contains("live session ended", StringComparison.Ordinal))
            {
                break;
            }
        }

        int control = VirtualScreen.CountPixels(VirtualScreen.VideoFrame(video, 2.5), OverlayColours);
        Assert.True(control < 200, $"the video itself has {control} pixels of the overlay's colours; the check would not tell them apart");
        Assert.True(best >= 2000, $"no screenshot showed the overlay: at most {best} overlay pixels; stderr: {live.Error}");
        live.WaitForExit(TimeSpan.FromMinutes(2));
    }

    /// <summary>
    /// <c>valgus live --exercise ankle-lunge --guided</c> in a window, playing samples/lunge-left-42.mp4 (three left
    /// attempts to a true 42°, heel down) as the camera and recording: the window shows the shank overlay (drawn in
    /// the cut-off's exact green or amber, which the side-view video does not hold), the session ends with the video,
    /// and its report has the left leg's attempts with a measured best and the verdict.
    /// </summary>
    [Fact]
    public void Guided_lunge_test_in_a_window_ends_with_the_attempts_in_its_report()
    {
        string video = Path.Combine(TestPaths.RepoRoot, "samples", "lunge-left-42.mp4");
        string record = Path.Combine(Path.GetTempPath(), "valgus-live-lunge-" + Guid.NewGuid().ToString("N"));
        (byte, byte, byte)[] shank = [(0x2E, 0xCC, 0x71), (0xF5, 0xA6, 0x23)];
        try
        {
            using var screen = new VirtualScreen();
            using var live = new LiveProcess(
                ["live", "--camera", video, "--exercise", "ankle-lunge", "--guided", "--record", record, "--duration", "60"],
                new Dictionary<string, string?> { ["DISPLAY"] = screen.Display });
            int best = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(2) && !live.Output.Contains("live session ended", StringComparison.Ordinal))
            {
                Thread.Sleep(700);
                best = Math.Max(best, VirtualScreen.CountPixels(screen.Grab(), shank));
            }

            int exit = live.WaitForExit(TimeSpan.FromMinutes(2));
            Assert.True(exit == 0, $"exit {exit}; stderr: {live.Error}; stdout: {live.Output}");
            Assert.Contains("live session ended (end of the video)", live.Output, StringComparison.Ordinal);
            Assert.Contains("Left ankle: best ", live.Output, StringComparison.Ordinal);

            int control = VirtualScreen.CountPixels(VirtualScreen.VideoFrame(video, 4.8), shank);
            Assert.True(control < 50, $"the video itself has {control} pixels of the shank's colours; the check would not tell them apart");
            Assert.True(best >= 300, $"no screenshot showed the shank overlay: at most {best} pixels of its colours; stderr: {live.Error}");

            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(record, "report.json")));
            var ankle = report.RootElement.GetProperty("ankle");
            Assert.Equal(JsonValueKind.Null, ankle.GetProperty("right").ValueKind);
            var left = ankle.GetProperty("left");
            var attempts = left.GetProperty("attempts");

            // Live drops frames when the machine is busy, so the recording may hold fewer frames than the video;
            // the three forward lunges of 2.6 s each still stand out.
            Assert.True(attempts.GetArrayLength() == 3, $"{attempts.GetArrayLength()} attempts: {attempts}");
            Assert.All(attempts.EnumerateArray(), a => Assert.False(a.GetProperty("heelLift").GetBoolean()));
            Assert.InRange(left.GetProperty("bestInclinationDeg").GetDouble(), 36, 46);
            Assert.Equal("within-normal", left.GetProperty("verdict").GetString());
        }
        finally
        {
            if (Directory.Exists(record))
            {
                Directory.Delete(record, recursive: true);
            }
        }
    }
}
