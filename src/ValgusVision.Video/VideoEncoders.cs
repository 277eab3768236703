using ValgusVision.Domain.Pose;

namespace ValgusVision.Video;

/// <summary>Picks the encoder: ffmpeg/libx264 when an ffmpeg is found, else OpenCV's mp4v.</summary>
public static class VideoEncoders
{
    /// <summary>Environment variable naming the ffmpeg to use; set it to an empty string to force the OpenCV fallback.</summary>
    public const string FfmpegVariable = "VALGUS_FFMPEG";

    /// <summary>The ffmpeg executable to use, or null when there is none.</summary>
    public static string? FindFfmpeg()
    {
        string? configured = Environment.GetEnvironmentVariable(FfmpegVariable);
        if (configured is not null)
        {
            return configured.Length > 0 && File.Exists(configured) ? configured : null;
        }

        return OnPath("ffmpeg");
    }

    /// <summary>The first <paramref name="tool"/> (".exe" added on Windows) in a PATH folder; null when none is.</summary>
    internal static string? OnPath(string tool)
    {
        string name = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static IVideoEncoder Create(string outputPath, int width, int height, double framesPerSecond, PixelFormat format, string? ffmpegPath)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is null || !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{outputPath}: the output folder does not exist");
        }

        return ffmpegPath is null
            ? new OpenCvVideoEncoder(outputPath, width, height, framesPerSecond, format)
            : new FfmpegVideoEncoder(ffmpegPath, outputPath, width, height, framesPerSecond, format);
    }

    /// <summary>
    /// An encoder whose file stays readable if this process is killed (see <see cref="FfmpegVideoEncoder"/>): written
    /// in place at <paramref name="outputPath"/>, which the caller names as unfinished. Only ffmpeg can do this;
    /// without it the OpenCV fallback is returned, which, like every ordinary output, appears only once completed.
    /// </summary>
    public static IVideoEncoder CreateCrashSafe(string outputPath, int width, int height, double framesPerSecond, PixelFormat format, string? ffmpegPath) =>
        ffmpegPath is null
            ? Create(outputPath, width, height, framesPerSecond, format, null)
            : new FfmpegVideoEncoder(ffmpegPath, outputPath, width, height, framesPerSecond, format, crashSafe: true);
}
