using System.Globalization;
using OpenCvSharp;
using ValgusVision.App;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Live.Capture;
using ValgusVision.Video;

namespace ValgusVision.Live.Session;

/// <summary>
/// <c>valgus live</c>: capture on its own thread keeping only the newest frame, then pose → metrics → overlay →
/// window (or console) on that frame, with keys, recording, the drill and the guided protocol. One instance runs one
/// session; <see cref="Run"/> returns when it ends and always finishes the recording first.
/// </summary>
public sealed class LiveSession
{
    // How long to wait for the capture thread at the end; a read stuck in a hung driver may never return.
    private static readonly TimeSpan CaptureStopWait = TimeSpan.FromSeconds(2);

    private readonly LiveOptions _options;
    private readonly TextWriter _console;
    private readonly Func<string, IFrameSource> _openSource;

    public LiveSession(LiveOptions options, TextWriter console)
        : this(options, console, FrameSources.Open)
    {
    }

    /// <summary>With <paramref name="openSource"/> turning <see cref="LiveOptions.Camera"/> into the frame source (the capture seam tests use).</summary>
    public LiveSession(LiveOptions options, TextWriter console, Func<string, IFrameSource> openSource)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Live levers (no flip averaging where the user left it to the tool: PoseLevers.DefaultFlipAveraging), fixed
        // once so the loop's estimator and the saved reports name the same set-up.
        _options = options with { Session = options.Session.ResolvedFor(live: true) };
        _console = console ?? throw new ArgumentNullException(nameof(console));
        _openSource = openSource ?? throw new ArgumentNullException(nameof(openSource));
    }

    /// <summary>Checks that a window can be shown: on Linux an X11 or Wayland display must be named.</summary>
    public static void RequireDisplay()
    {
        if (OperatingSystem.IsLinux()
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
        {
            throw new LiveSetupException("no display: DISPLAY is not set; run from a desktop session, under Xvfb, or add --headless");
        }
    }

    public LiveResult Run(CancellationToken cancel)
    {
        if (!_options.Headless)
        {
            RequireDisplay();
        }

        var source = OpenSource(_options.Camera);
        var slot = new LatestFrameSlot();
        var grabber = new FrameGrabber(source, slot, realTimePacing: source.Info.Kind != SourceKind.Camera);
        bool captureStopped = true;
        LiveRecorder? recorder = null;
        try
        {
            using var estimator = CreateEstimator();
            if (_options.RecordFolder is { } folder)
            {
                recorder = new LiveRecorder(folder, source.Info.Width, source.Info.Height, source.Info.FramesPerSecond > 0 ? source.Info.FramesPerSecond : 30);
            }

            if (!_options.Headless)
            {
                OpenWindow();
            }

            WarmUp(estimator, source.Info.Width, source.Info.Height);
            grabber.Start();
            var loop = new LiveLoop(_options, _console, estimator, slot, grabber, recorder);
            LiveEndReason reason;
            string? failure = null;
            try
            {
                reason = loop.Run(cancel);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A crash inside the session (the model, the window) still ends it like any other end: the recording
                // is finished and reported, the error named. Only a kill (or a native crash) leaves the .recording files.
                reason = LiveEndReason.Failed;
                failure = $"the session failed: {e.Message}";
            }

            captureStopped = grabber.Stop(CaptureStopWait);
            if (!_options.Headless)
            {
                Cv2.DestroyAllWindows();
            }

            string? lost = reason switch
            {
                LiveEndReason.CameraLost => grabber.LostReason,
                LiveEndReason.RecordingFailed => loop.RecordingError,
                LiveEndReason.Failed => failure,
                _ => null,
            };
            // With a recording, the report covers exactly the recorded frames (a failed write leaves one analysed frame out).
            var analysis = recorder is { FramesWritten: > 0 } ? SessionPipeline.Analyze(recorder.Poses, _options.Session)
                : recorder is null && loop.Analyzer.Frames.Count > 0 ? loop.Analyzer.Finish()
                : null;
            IReadOnlyList<string> written = [];
            if (recorder is not null && analysis is not null)
            {
                written = recorder.Finish(analysis, _options, loop.Drill?.Result, source.Info.Name, lost, source.Warnings);
            }

            return new LiveResult(
                reason, lost, slot.Published, loop.Processed, slot.Dropped, loop.Latency, analysis, loop.Drill?.Result, loop.Sets, written);
        }
        finally
        {
            recorder?.Dispose();
            // A capture thread stuck in a hung driver still holds the source and the slot's buffer: leave both to
            // the process's exit rather than free memory a native read may still write into.
            if (captureStopped && grabber.Stop(CaptureStopWait))
            {
                slot.Dispose();
                source.Dispose();
            }
        }
    }

    private IFrameSource OpenSource(string camera)
    {
        try
        {
            var source = _openSource(camera);
            if (source.Info.Kind == SourceKind.Image)
            {
                source.Dispose();
                throw new LiveSetupException($"--camera '{camera}': is a still image; give a camera index, a stream URL or a video file");
            }

            return source;
        }
        catch (IOException e)
        {
            bool isIndex = int.TryParse(camera, NumberStyles.None, CultureInfo.InvariantCulture, out _);
            throw new LiveSetupException(isIndex ? $"--camera {camera}: no camera at that index (or it is in use)" : $"--camera '{camera}': {e.Message}", e);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or OpenCVException)
        {
            throw new LiveSetupException($"--camera '{camera}': {e.Message}", e);
        }
    }

    /// <summary>
    /// Runs the model once on a blank frame before capture starts: the first inference (ORT's lazy initialisation, JIT)
    /// takes seconds, and would otherwise show up as the session's first, absurd latency.
    /// </summary>
    private static void WarmUp(IPoseEstimator estimator, int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            return;
        }

        using var blank = new VideoFrame();
        blank.EnsureSize(width, height);
        blank.Pixels.Span.Clear();
        estimator.Estimate(blank.AsImageFrame(), new PoseResult());
        estimator.Reset();
    }

    private IPoseEstimator CreateEstimator() => SessionPipeline.CreateEstimator(_options.Session, stillImage: false, live: true);

    private static void OpenWindow()
    {
        try
        {
            Cv2.NamedWindow(LiveLoop.WindowName, WindowFlags.AutoSize);
        }
        catch (OpenCVException e)
        {
            throw new LiveSetupException($"cannot open a window on display '{Environment.GetEnvironmentVariable("DISPLAY")}': {e.Message}; add --headless", e);
        }
    }
}
