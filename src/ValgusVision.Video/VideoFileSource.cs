using OpenCvSharp;

namespace ValgusVision.Video;

/// <summary>
/// A video file read with OpenCV's FFmpeg backend. OpenCV 4.13 applies the container's display rotation itself
/// (CAP_PROP_ORIENTATION_AUTO, on by default for FFmpeg; checked against ffmpeg's own autorotation in the tests), so
/// frames arrive upright and <see cref="SourceInfo.Width"/>/<see cref="SourceInfo.Height"/> are already swapped for
/// portrait clips. Timestamps are CAP_PROP_POS_MSEC after each read: the frame's presentation time, so a variable
/// frame rate phone video keeps its real timing.
/// </summary>
public sealed class VideoFileSource : IFrameSource
{
    private readonly VideoCapture _capture;
    private readonly FrameTimestamps _timestamps;
    private readonly List<string> _warnings = [];
    private bool _finished;

    public VideoFileSource(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"input '{path}': file not found", path);
        }

        _capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        if (!_capture.IsOpened())
        {
            _capture.Dispose();
            throw new InvalidDataException($"input '{path}': not a video or image this tool can read");
        }

        _capture.Set(VideoCaptureProperties.OrientationAuto, 1);
        int count = (int)Math.Round(_capture.Get(VideoCaptureProperties.FrameCount));
        double fps = _capture.Get(VideoCaptureProperties.Fps);
        int rotation = ((int)Math.Round(_capture.Get(VideoCaptureProperties.OrientationMeta)) % 360 + 360) % 360;
        Info = new SourceInfo(
            path,
            SourceKind.VideoFile,
            _capture.FrameWidth,
            _capture.FrameHeight,
            double.IsFinite(fps) && fps > 0 ? fps : 0,
            count > 0 ? count : null,
            // OpenCV's angle is clockwise; ffprobe prints the display matrix counter-clockwise (its "rotation=90"
            // is OpenCV's 270), so compare with care.
            rotation,
            FourCcText(_capture.Get(VideoCaptureProperties.FourCC)));
        _timestamps = new FrameTimestamps(Info.FramesPerSecond);
        if (Info.Width <= 0 || Info.Height <= 0)
        {
            _capture.Dispose();
            throw new InvalidDataException($"input '{path}': no video stream (or a stream of size 0)");
        }
    }

    public SourceInfo Info { get; }

    public IReadOnlyList<string> Warnings => _warnings;

    public bool EndedEarly { get; private set; }

    public int FramesRead { get; private set; }

    public bool TryRead(VideoFrame frame)
    {
        if (_finished)
        {
            return false;
        }

        bool ok;
        try
        {
            ok = frame.ReadFrom(_capture, Info.Width, Info.Height);
        }
        catch (OpenCVException e)
        {
            _warnings.Add($"decoding stopped at frame {FramesRead}: {e.Message}");
            ok = false;
        }

        if (!ok)
        {
            Finish();
            return false;
        }

        frame.Index = FramesRead;
        frame.TimestampSeconds = _timestamps.Next(_capture.Get(VideoCaptureProperties.PosMsec) / 1000.0);
        FramesRead++;
        return true;
    }

    public void Dispose() => _capture.Dispose();

    private void Finish()
    {
        _finished = true;
        if (FramesRead == 0)
        {
            throw new InvalidDataException($"input '{Info.Name}': contains no readable frames");
        }

        // Containers' counts are estimates for some formats (±1 is common); only a clear shortfall means damage.
        if (Info.FrameCount is { } expected && FramesRead < expected - Math.Max(2, expected / 100))
        {
            EndedEarly = true;
            _warnings.Add(
                $"the video ended after {FramesRead} of {expected} frames: the file is truncated or corrupt; only the readable part was analysed");
        }

        if (_timestamps.RepairedCount > 0)
        {
            _warnings.Add(
                $"{_timestamps.RepairedCount} frame(s) had no increasing timestamp in the container; their times were estimated from the frame rate");
        }
    }

    private static string? FourCcText(double fourCc)
    {
        int code = (int)fourCc;
        if (code <= 0)
        {
            return null;
        }

        Span<char> chars = stackalloc char[4];
        for (int i = 0; i < 4; i++)
        {
            char c = (char)((code >> (8 * i)) & 0xFF);
            chars[i] = char.IsAsciiLetterOrDigit(c) ? c : '?';
        }

        return new string(chars).TrimEnd('?');
    }
}
