using System.Diagnostics;
using ValgusVision.Video;

namespace ValgusVision.Live.Tests;

/// <summary>How <see cref="FailingCamera"/> goes away.</summary>
public enum CameraFailure
{
    /// <summary>The read throws, as OpenCV's V4L2 backend does when the device node vanishes (ENODEV).</summary>
    ReadThrows,

    /// <summary>The read reports no frame, as OpenCV's <c>VideoCapture.Read</c> does after a failed grab.</summary>
    ReadFails,

    /// <summary>The read never returns (a hung driver, a frozen stream) until the test releases it.</summary>
    Hangs,

    /// <summary>
    /// Not a lost camera but a crash inside the session: frames keep coming, stamped 1000 s in the past (earlier than any frame processed before, however slow the machine), which the
    /// analysis refuses with an exception (the real sources repair such times; this stands for any error in the loop).
    /// </summary>
    TimeGoesBack,
}

/// <summary>
/// A camera at the capture seam: the real frames of a video, delivered at the video's rate with the capture clock's
/// timestamps as a webcam would, that disappears after <c>framesBeforeFailure</c> frames in the given way.
/// </summary>
internal sealed class FailingCamera : IFrameSource
{
    private readonly VideoFileSource _video;
    private readonly int _framesBeforeFailure;
    private readonly CameraFailure _failure;
    private readonly ManualResetEventSlim _release = new();
    private readonly Stopwatch _clock = new();

    public FailingCamera(string videoPath, int framesBeforeFailure, CameraFailure failure)
    {
        _video = new VideoFileSource(videoPath);
        _framesBeforeFailure = framesBeforeFailure;
        _failure = failure;
        Info = _video.Info with { Name = "test camera", Kind = SourceKind.Camera, FrameCount = null };
    }

    public SourceInfo Info { get; }

    public IReadOnlyList<string> Warnings => [];

    public bool EndedEarly => false;

    public int FramesRead { get; private set; }

    public bool TryRead(VideoFrame frame)
    {
        if (FramesRead >= _framesBeforeFailure && _failure != CameraFailure.TimeGoesBack)
        {
            switch (_failure)
            {
                case CameraFailure.ReadThrows:
                    throw new IOException("VIDIOC_DQBUF: No such device");
                case CameraFailure.ReadFails:
                    return false;
                default:
                    _release.Wait();
                    return false;
            }
        }

        if (!_video.TryRead(frame))
        {
            throw new InvalidOperationException("the test video is shorter than the frames asked for");
        }

        // A camera delivers at its own rate: wait for this frame's moment on the capture clock.
        _clock.Start();
        double due = FramesRead / Info.FramesPerSecond;
        double wait = due - _clock.Elapsed.TotalSeconds;
        if (wait > 0)
        {
            Thread.Sleep(TimeSpan.FromSeconds(wait));
        }

        frame.TimestampSeconds = _clock.Elapsed.TotalSeconds - (FramesRead >= _framesBeforeFailure ? 1000 : 0);
        frame.Index = FramesRead++;
        return true;
    }

    /// <summary>Lets a hung read return, so the capture thread can end with the test.</summary>
    public void Release() => _release.Set();

    public void Dispose()
    {
        _release.Set();
        _video.Dispose();
    }
}
