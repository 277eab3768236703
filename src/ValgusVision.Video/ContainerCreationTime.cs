using System.Diagnostics;
using System.Globalization;

namespace ValgusVision.Video;

/// <summary>
/// The recording date a video container states about itself (MP4/MOV <c>creation_time</c>, the same tag in MKV), read
/// with ffprobe, which comes with the documented ffmpeg set-up. Unknown (null) when the container has none, when it is
/// the format's zero (1904 or 1970: "not set"), or when no ffprobe is found. Never the file's modification time: a
/// copy changes that.
/// </summary>
public static class ContainerCreationTime
{
    /// <summary>Environment variable naming the ffprobe to use; an empty string means none (the date is then unknown).</summary>
    public const string FfprobeVariable = "VALGUS_FFPROBE";

    /// <summary>ffprobe on a local file answers in milliseconds; a hung one must not hold up an analysis.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>The ffprobe to use: <see cref="FfprobeVariable"/>, else the one beside the ffmpeg found, else on PATH; null when there is none.</summary>
    public static string? FindFfprobe()
    {
        string name = OperatingSystem.IsWindows() ? "ffprobe.exe" : "ffprobe";
        string? configured = Environment.GetEnvironmentVariable(FfprobeVariable);
        if (configured is not null)
        {
            return configured.Length > 0 && File.Exists(configured) ? configured : null;
        }

        if (VideoEncoders.FindFfmpeg() is { } ffmpeg && Path.GetDirectoryName(ffmpeg) is { } dir && File.Exists(Path.Combine(dir, name)))
        {
            return Path.Combine(dir, name);
        }

        return VideoEncoders.OnPath("ffprobe");
    }

    /// <summary>The container's creation time, or null when it is not known (see the class).</summary>
    public static DateTimeOffset? Read(string videoPath, string? ffprobe)
    {
        ArgumentNullException.ThrowIfNull(videoPath);
        if (ffprobe is null || !File.Exists(videoPath))
        {
            return null;
        }

        // The format's tag first (what cameras and phones set), then the streams' (some muxers write only those).
        var start = new ProcessStartInfo(ffprobe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
                 {
                     "-v", "error", "-show_entries", "format_tags=creation_time:stream_tags=creation_time",
                     "-of", "default=noprint_wrappers=1:nokey=1", "--", videoPath,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var error = process.StandardError.ReadToEndAsync();
            string text = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            _ = error.Result;
            return process.ExitCode == 0 ? Parse(text) : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null; // an ffprobe that cannot run: the date is unknown, the analysis goes on
        }
    }

    /// <summary>The first plausible time in ffprobe's lines ("2026-11-02T09:14:03.000000Z"); null when none is.</summary>
    public static DateTimeOffset? Parse(string ffprobeOutput)
    {
        ArgumentNullException.ThrowIfNull(ffprobeOutput);
        foreach (string line in ffprobeOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DateTimeOffset.TryParse(line, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                && time.Year > 1970)
            {
                // 1904-01-01 (QuickTime's zero) and 1970-01-01 (Unix's) are what a muxer writes when it knows nothing.
                return time;
            }
        }

        return null;
    }
}
