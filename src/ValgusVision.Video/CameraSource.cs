using System.Diagnostics;
using OpenCvSharp;

namespace ValgusVision.Video;

/// <summary>
/// A live camera (device index) or network stream (URL). Frames are stamped with the time since opening,
/// taken right after each grab: live sources have no container clock that survives dropped frames.
/// </summary>
public sealed class CameraSource : IFrameSource
{
    private readonly VideoCapture _capture;
    private readonly Stopwatch _clock = new();
    private readonly FrameTimestamps _timestamps;

    public CameraSource(int deviceIndex)
        : this(new VideoCapture(deviceIndex), $"camera {deviceIndex}")
    {
    }

    public CameraSource(Uri streamUrl)
        : this(new VideoCapture(streamUrl.OriginalString, VideoCaptureAPIs.FFMPEG), streamUrl.OriginalString)
    {
    }

    private CameraSource(VideoCapture capture, string name)
    {
        _capture = capture;
        if (!_capture.IsOpened())
        {
            _capture.Dispose();
            throw new IOException($"input '{name}': the camera or stream could not be opened");
        }

        double fps = _capture.Get(VideoCaptureProperties.Fps);
        Info = new SourceInfo(
            name, SourceKind.Camera, _capture.FrameWidth, _capture.FrameHeight, double.IsFinite(fps) && fps > 0 ? fps : 0, null, 0, null);
        _timestamps = new FrameTimestamps(Info.FramesPerSecond);
        _clock.Start();
    }

    public SourceInfo Info { get; }

    public IReadOnlyList<string> Warnings => [];

    public bool EndedEarly => false;

    public int FramesRead { get; private set; }

    public bool TryRead(VideoFrame frame)
    {
        if (!frame.ReadFrom(_capture, Info.Width, Info.Height))
        {
            return false;
        }

        frame.Index = FramesRead++;
        frame.TimestampSeconds = _timestamps.Next(_clock.Elapsed.TotalSeconds);
        return true;
    }

    public void Dispose() => _capture.Dispose();
}
