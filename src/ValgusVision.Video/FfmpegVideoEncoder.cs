using System.Diagnostics;
using System.Globalization;
using System.Text;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Video;

/// <summary>
/// H.264 through the system's <c>ffmpeg</c> (libx264, yuv420p, +faststart): the one MP4 flavour every browser and
/// phone plays. Raw frames are piped to ffmpeg's stdin, so encoding runs in ffmpeg's own threads, in parallel with
/// our decoding and drawing. OpenCV's bundled FFmpeg has no H.264 encoder, hence the process.
/// <para>
/// <paramref name="crashSafe"/> is for recordings that must survive the recorder's own death (a live session killed
/// with SIGKILL, a power cut): the file is written in place as fragmented MP4 (an empty moov up front, then one
/// moof+mdat fragment per frame, no encoder look-ahead, flushed per packet), so every frame ffmpeg has encoded stays
/// readable whatever happens to either process. The caller names the file as
/// unfinished and renames it when <see cref="Complete"/> succeeds; disposing without completing keeps the file (the
/// frames given so far are flushed). ffmpeg runs in its own session there, so a terminal's Ctrl+C, which reaches the
/// whole foreground process group, stops only us and we end the file ourselves.
/// </para>
/// </summary>
public sealed class FfmpegVideoEncoder : IVideoEncoder
{
    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly string _tempPath;
    private readonly int _rowBytes;
    private readonly int _height;
    private readonly StringBuilder _stderr = new();
    private readonly bool _crashSafe;
    private bool _completed;

    public FfmpegVideoEncoder(string ffmpegPath, string outputPath, int width, int height, double framesPerSecond, PixelFormat format, bool crashSafe = false)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentException($"video size {width}×{height} is not valid");
        }

        OutputPath = outputPath;
        _crashSafe = crashSafe;
        _tempPath = crashSafe ? outputPath : PartialFile.TempPathFor(outputPath);
        _height = height;
        string pixFmt = format switch
        {
            PixelFormat.Bgr24 => "bgr24",
            PixelFormat.Bgra32 => "bgra",
            PixelFormat.Gray8 => "gray",
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        _rowBytes = width * new ImageFrame(default, width, height, 0, format, 0).BytesPerPixel;
        double fps = framesPerSecond > 0 ? framesPerSecond : 30;
        string? setsid = crashSafe ? FindSetsid() : null;
        var start = new ProcessStartInfo(setsid ?? ffmpegPath)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (setsid is not null)
        {
            start.ArgumentList.Add(ffmpegPath);
        }

        foreach (var arg in new[]
                 {
                     "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                     "-f", "rawvideo", "-pix_fmt", pixFmt, "-s", $"{width}x{height}",
                     "-r", fps.ToString("0.######", CultureInfo.InvariantCulture), "-i", "pipe:0",
                     "-an", "-c:v", "libx264", "-preset", "veryfast", "-crf", "22",
                     // yuv420p needs even sizes; pad odd ones by a pixel instead of failing.
                     "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-pix_fmt", "yuv420p",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        // Crash-safe: one fragment per frame, zerolatency (no look-ahead, no B-frames) so each frame leaves the encoder
        // at once, and flush_packets so it reaches the file rather than ffmpeg's output buffer: a killed ffmpeg loses
        // at most the frame in flight (measured: 49 of 50; with keyframe fragments and no flush, only the 28-byte ftyp
        // survived). The price is size: the 5 s sample is 482 kB instead of 111 kB (186 kB with look-ahead, which would
        // hold back ~13 frames); a keyframe every 2 s keeps the file seekable (every 0.5 s: 863 kB).
        string[] container = crashSafe
            ? ["-tune", "zerolatency", "-g", Math.Max(1, (int)Math.Round(fps * 2)).ToString(CultureInfo.InvariantCulture), "-flush_packets", "1",
               "-movflags", "+frag_every_frame+empty_moov+default_base_moof", "-f", "mp4", _tempPath]
            : ["-movflags", "+faststart", "-f", "mp4", _tempPath];
        foreach (var arg in container)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new IOException($"could not start '{ffmpegPath}'");
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _stdin = _process.StandardInput.BaseStream;
        Description = crashSafe ? "H.264 (libx264 via ffmpeg), fragmented MP4" : "H.264 (libx264 via ffmpeg)";
    }

    public string OutputPath { get; }

    public string Description { get; }

    public int FramesWritten { get; private set; }

    public void Write(ReadOnlySpan<byte> pixels, int strideBytes)
    {
        try
        {
            if (strideBytes == _rowBytes)
            {
                _stdin.Write(pixels[..(_rowBytes * _height)]);
            }
            else
            {
                for (int y = 0; y < _height; y++)
                {
                    _stdin.Write(pixels.Slice(y * strideBytes, _rowBytes));
                }
            }
        }
        catch (IOException e)
        {
            // ffmpeg has gone (the disk filled, the encoder failed): its last words, once it has said them, are the reason.
            _process.WaitForExit(TimeSpan.FromSeconds(2));
            throw OutputFailure.For(OutputPath, _tempPath, "ffmpeg stopped accepting frames: " + ErrorText(e.Message));
        }

        FramesWritten++;
    }

    public void Complete()
    {
        try
        {
            _stdin.Close();
        }
        catch (IOException)
        {
            // ffmpeg already ended; its exit code and message below say why.
        }

        _process.WaitForExit();
        if (_process.ExitCode != 0 || !File.Exists(_tempPath))
        {
            throw OutputFailure.For(OutputPath, _tempPath, $"ffmpeg failed (exit {_process.ExitCode}): {ErrorText("no message")}");
        }

        if (!_crashSafe)
        {
            PartialFile.Commit(_tempPath, OutputPath);
        }

        _completed = true;
    }

    public void Dispose()
    {
        if (!_completed && _crashSafe)
        {
            // Keep what was recorded: end of input lets ffmpeg write its last fragment.
            try
            {
                _stdin.Close();
            }
            catch (IOException)
            {
                // ffmpeg is already gone; its fragments so far are on disk.
            }

            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }
        else if (!_completed)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                }

                _process.WaitForExit();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            PartialFile.Discard(_tempPath);
        }

        _process.Dispose();
    }

    /// <summary>util-linux's setsid, which runs a program in a new session (every Linux has it; elsewhere null).</summary>
    private static string? FindSetsid()
    {
        foreach (var candidate in new[] { "/usr/bin/setsid", "/bin/setsid" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private string ErrorText(string fallback)
    {
        lock (_stderr)
        {
            string text = _stderr.ToString().Trim().ReplaceLineEndings(" ");
            return text.Length == 0 ? fallback : text;
        }
    }
}
