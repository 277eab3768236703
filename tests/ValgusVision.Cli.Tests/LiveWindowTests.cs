using System.Diagnostics;
using System.Globalization;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// The live window under a virtual X server: a screenshot (ffmpeg's x11grab) of a session playing
/// samples/sls-left-valgus15.mp4 must show the overlay. The overlay draws its FPPA colours (green, amber, red) and
/// skeleton white as exact RGB values; the video, an H.264 render of black, red and green figures, almost never hits
/// those exact values, which the control on the video's own frame checks.
/// </summary>
public sealed class LiveWindowTests
{
    private const int ScreenWidth = 1600, ScreenHeight = 900;

    private static readonly (byte R, byte G, byte B)[] OverlayColours =
    [
        (0x2E, 0xCC, 0x71), (0xF5, 0xA6, 0x23), (0xE7, 0x4C, 0x3C), (0xEC, 0xF0, 0xF1),
    ];

    [Fact]
    public void Window_under_xvfb_shows_the_overlay()
    {
        string video = Path.Combine(ModelsTestFiles.RepositoryRoot, "samples", "sls-left-valgus15.mp4");
        string display = ":" + (90 + (Environment.ProcessId % 60)).ToString(CultureInfo.InvariantCulture);
        using var xvfb = Process.Start("Xvfb", [display, "-screen", "0", $"{ScreenWidth}x{ScreenHeight}x24", "-nolisten", "tcp"])!;
        try
        {
            Thread.Sleep(1500);
            using var live = new LiveProcess(["live", "--camera", video, "--side", "left", "--duration", "30"], new Dictionary<string, string?> { ["DISPLAY"] = display });

            // Grab until a shot shows the overlay or the session ends (model loading takes a few seconds).
            int best = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(2) && best < 2000)
            {
                Thread.Sleep(1000);
                var shot = Grab(display);
                best = Math.Max(best, CountOverlayPixels(shot));
                if (live.Output.Contains("live session ended", StringComparison.Ordinal))
                {
                    break;
                }
            }

            int control = CountOverlayPixels(VideoFrame(video, 2.5));
            Assert.True(control < 200, $"the video itself has {control} pixels of the overlay's colours; the check would not tell them apart");
            Assert.True(best >= 2000, $"no screenshot showed the overlay: at most {best} overlay pixels; stderr: {live.Error}");
            live.WaitForExit(TimeSpan.FromMinutes(2));
        }
        finally
        {
            xvfb.Kill();
            xvfb.WaitForExit();
        }
    }

    private static byte[] Grab(string display) =>
        Ffmpeg(["-f", "x11grab", "-video_size", $"{ScreenWidth}x{ScreenHeight}", "-i", display, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]);

    private static byte[] VideoFrame(string video, double seconds) =>
        Ffmpeg(["-ss", seconds.ToString(CultureInfo.InvariantCulture), "-i", video, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]);

    private static byte[] Ffmpeg(string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg", ["-v", "error", "-nostdin", .. args]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var ffmpeg = Process.Start(start)!;
        using var bytes = new MemoryStream();
        ffmpeg.StandardOutput.BaseStream.CopyTo(bytes);
        ffmpeg.WaitForExit();
        return bytes.ToArray();
    }

    private static int CountOverlayPixels(byte[] rgb)
    {
        int count = 0;
        for (int i = 0; i + 2 < rgb.Length; i += 3)
        {
            foreach (var (r, g, b) in OverlayColours)
            {
                if (rgb[i] == r && rgb[i + 1] == g && rgb[i + 2] == b)
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }
}
