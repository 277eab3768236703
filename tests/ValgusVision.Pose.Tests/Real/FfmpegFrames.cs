using System.Diagnostics;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// Decodes a video exactly as the MediaPipe reference tool did (ffmpeg, rgba, passthrough frame timing), so both
/// pipelines see the same pixels; the RGBA bytes are reordered to BGRA for our engine.
/// </summary>
internal static class FfmpegFrames
{
    /// <param name="maxFrames">Decode only the first frames (a reference that covers part of a video).</param>
    public static List<byte[]> DecodeBgra(string videoPath, int width, int height, int? maxFrames = null)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "-v", "error", "-nostdin", "-i", videoPath, "-map", "0:v:0", "-fps_mode", "passthrough" })
        {
            start.ArgumentList.Add(arg);
        }

        if (maxFrames is { } max)
        {
            start.ArgumentList.Add("-frames:v");
            start.ArgumentList.Add(max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (string arg in new[] { "-f", "rawvideo", "-pix_fmt", "rgba", "pipe:1" })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("cannot start ffmpeg");
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var all = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(all);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed on '{videoPath}': {errors.Result}");
        }

        byte[] bytes = all.ToArray();
        int frameBytes = width * height * 4;
        var frames = new List<byte[]>();
        for (int offset = 0; offset + frameBytes <= bytes.Length; offset += frameBytes)
        {
            byte[] frame = bytes.AsSpan(offset, frameBytes).ToArray();
            for (int i = 0; i < frame.Length; i += 4)
            {
                (frame[i], frame[i + 2]) = (frame[i + 2], frame[i]);
            }

            frames.Add(frame);
        }

        return frames;
    }

    public static ImageFrame ToFrame(byte[] bgra, int width, int height, double timestampSeconds) =>
        new(bgra, width, height, width * 4, PixelFormat.Bgra32, timestampSeconds);
}
