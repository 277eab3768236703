using System.Diagnostics;
using System.Globalization;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// A virtual X server (Xvfb) for the live window tests, with screenshots (ffmpeg's x11grab) and a count of the pixels
/// that hold exact overlay colours. The display number comes from the process id, so two test runs do not meet;
/// the window tests share one test class, so that within a run they take turns.
/// </summary>
internal sealed class VirtualScreen : IDisposable
{
    public const int Width = 1600, Height = 900;

    private readonly Process _xvfb;

    public VirtualScreen()
    {
        Display = ":" + (90 + (Environment.ProcessId % 60)).ToString(CultureInfo.InvariantCulture);
        _xvfb = Process.Start("Xvfb", [Display, "-screen", "0", $"{Width}x{Height}x24", "-nolisten", "tcp"])!;
        Thread.Sleep(1500);
    }

    public string Display { get; }

    /// <summary>The whole screen as RGB24 bytes.</summary>
    public byte[] Grab() =>
        Ffmpeg(["-f", "x11grab", "-video_size", $"{Width}x{Height}", "-i", Display, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]);

    /// <summary>One frame of a video as RGB24 bytes: the control, what the picture holds without any overlay.</summary>
    public static byte[] VideoFrame(string video, double seconds) =>
        Ffmpeg(["-ss", seconds.ToString(CultureInfo.InvariantCulture), "-i", video, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]);

    /// <summary>Pixels whose RGB is exactly one of <paramref name="colours"/>.</summary>
    public static int CountPixels(byte[] rgb, (byte R, byte G, byte B)[] colours)
    {
        int count = 0;
        for (int i = 0; i + 2 < rgb.Length; i += 3)
        {
            foreach (var (r, g, b) in colours)
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

    public void Dispose()
    {
        _xvfb.Kill();
        _xvfb.WaitForExit();
        _xvfb.Dispose();
    }

    private static byte[] Ffmpeg(string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg", ["-v", "error", "-nostdin", .. args]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var ffmpeg = Process.Start(start)!;
        using var bytes = new MemoryStream();
        ffmpeg.StandardOutput.BaseStream.CopyTo(bytes);
        ffmpeg.WaitForExit();
        return bytes.ToArray();
    }
}
