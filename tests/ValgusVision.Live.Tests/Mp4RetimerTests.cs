using System.Diagnostics;
using System.Globalization;
using ValgusVision.Live.Session;

namespace ValgusVision.Live.Tests;

/// <summary>The recording's video gets its frames' real (uneven) times: a constant-rate MP4 retimed and probed.</summary>
public sealed class Mp4RetimerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("valgus-retime-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Each_frame_plays_at_its_own_time_and_the_video_lasts_as_long_as_the_frames()
    {
        string video = Path.Combine(_folder, "cfr.mp4");
        Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=30", "-frames:v", "6", "-c:v", "libx264", "-tune", "zerolatency", "-pix_fmt", "yuv420p", video);
        // A busy machine: 15 fps, a stall, then 10 fps.
        double[] times = [0, 0.0667, 0.1333, 0.5, 0.6, 0.7];

        Mp4Retimer.Retime(video, times);

        double[] pts = Run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0", video)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(times.Length, pts.Length);
        for (int i = 0; i < times.Length; i++)
        {
            Assert.InRange(pts[i], times[i] - 0.001, times[i] + 0.001);
        }

        // The last frame lasts as long as the one before it.
        double duration = double.Parse(Run("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", video), CultureInfo.InvariantCulture);
        Assert.InRange(duration, 0.79, 0.81);
        Assert.Equal(6, int.Parse(Run("ffprobe", "-v", "error", "-count_frames", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", video), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_frame_count_other_than_the_times_is_refused_and_the_file_left_alone()
    {
        string video = Path.Combine(_folder, "cfr.mp4");
        Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=30", "-frames:v", "4", "-c:v", "libx264", "-tune", "zerolatency", "-pix_fmt", "yuv420p", video);
        byte[] before = File.ReadAllBytes(video);

        var e = Assert.Throws<InvalidDataException>(() => Mp4Retimer.Retime(video, [0, 0.1, 0.2]));
        Assert.Contains("4 frames in the video, 3 frame times", e.Message);
        Assert.Equal(before, File.ReadAllBytes(video));
    }

    [Fact]
    public void A_video_with_b_frames_is_refused()
    {
        string video = Path.Combine(_folder, "bframes.mp4");
        Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=30", "-frames:v", "8", "-c:v", "libx264", "-bf", "2", "-pix_fmt", "yuv420p", video);
        var e = Assert.Throws<InvalidDataException>(() => Mp4Retimer.Retime(video, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]));
        Assert.Contains("B-frames", e.Message);
    }

    [Fact]
    public void Frames_at_the_same_tick_still_get_a_duration()
    {
        Assert.Equal(new uint[] { 1, 999, 999 }, Mp4Retimer.Deltas([0, 0, 1], 1000));
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool}: {error.Result}");
        return text;
    }
}
