using System.Diagnostics;
using ValgusVision.Video;

namespace ValgusVision.Live.Session;

/// <summary>
/// Turns the finished crash-safe recording (fragmented MP4 at a nominal constant rate) into <c>camera.mp4</c> with the
/// frames' capture timestamps: ffmpeg copies the stream into an ordinary MP4 (no re-encoding), <see cref="Mp4Retimer"/>
/// writes each frame's real duration into it, and a second copy moves the index to the front (+faststart) for
/// browsers. Variable frame rate, so the video lasts exactly as long as the session and frame n plays at frames.csv's
/// time_s of row n.
/// </summary>
internal static class RecordingVideo
{
    private static readonly TimeSpan RemuxTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Writes <paramref name="finalPath"/> from <paramref name="recordingPath"/> (kept) with <paramref name="times"/>.</summary>
    /// <exception cref="IOException">ffmpeg failed or the file could not be retimed; nothing is left at <paramref name="finalPath"/>.</exception>
    public static void WriteRetimed(string ffmpeg, string recordingPath, string finalPath, IReadOnlyList<double> times)
    {
        string plain = finalPath + ".retime-partial.mp4";
        string fast = finalPath + ".faststart-partial.mp4";
        try
        {
            Remux(ffmpeg, recordingPath, plain, faststart: false);
            try
            {
                Mp4Retimer.Retime(plain, times);
            }
            catch (InvalidDataException e)
            {
                throw new IOException($"cannot give the video its real timestamps: {e.Message}", e);
            }

            Remux(ffmpeg, plain, fast, faststart: true);
            File.Move(fast, finalPath, overwrite: true);
        }
        finally
        {
            File.Delete(plain);
            File.Delete(fast);
        }
    }

    private static void Remux(string ffmpeg, string input, string output, bool faststart)
    {
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", input, "-map", "0:v:0", "-c", "copy" })
        {
            start.ArgumentList.Add(arg);
        }

        if (faststart)
        {
            start.ArgumentList.Add("-movflags");
            start.ArgumentList.Add("+faststart");
        }

        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("mp4");
        start.ArgumentList.Add(output);
        using var process = Process.Start(start) ?? throw new IOException($"could not start '{ffmpeg}'");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(RemuxTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new IOException($"ffmpeg did not finish copying {Path.GetFileName(input)}");
        }

        if (process.ExitCode != 0)
        {
            throw new IOException($"ffmpeg could not copy {Path.GetFileName(input)}: {error.Result.Trim()}");
        }
    }

    /// <summary>The ffmpeg to use when the recording was made by one (OpenCV's fallback writes no fragmented MP4).</summary>
    public static string? FfmpegFor(IVideoEncoder encoder) => encoder is FfmpegVideoEncoder ? VideoEncoders.FindFfmpeg() : null;
}
