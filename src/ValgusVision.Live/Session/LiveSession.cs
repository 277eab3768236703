using System.Diagnostics;
using System.Globalization;
using OpenCvSharp;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using ValgusVision.Live.Capture;
using ValgusVision.Live.Drill;
using ValgusVision.Live.Protocol;
using ValgusVision.Pose;
using ValgusVision.Video;

namespace ValgusVision.Live.Session;

/// <summary>
/// <c>valgus live</c>: capture on its own thread keeping only the newest frame, then pose → metrics → overlay →
/// window (or console) on that frame, with keys, recording, the drill and the guided protocol. One instance runs one
/// session; <see cref="Run"/> returns when it ends and always finishes the recording first.
/// </summary>
public sealed class LiveSession
{
    private const string WindowName = "ValgusVision live";
    private const double FlashSeconds = 0.4;
    private const double ConsoleIntervalSeconds = 0.5;

    // Without keys (headless) the guided protocol moves on by itself after this pause.
    private const double HeadlessAutoAdvanceSeconds = 5.0;

    // How long to wait for the capture thread at the end; a read stuck in a hung driver may never return.
    private static readonly TimeSpan CaptureStopWait = TimeSpan.FromSeconds(2);

    private readonly LiveOptions options;
    private readonly TextWriter console;
    private readonly Func<string, IFrameSource> openSource;

    public LiveSession(LiveOptions options, TextWriter console)
        : this(options, console, FrameSources.Open)
    {
    }

    /// <summary>With <paramref name="openSource"/> turning <see cref="LiveOptions.Camera"/> into the frame source (the capture seam tests use).</summary>
    public LiveSession(LiveOptions options, TextWriter console, Func<string, IFrameSource> openSource)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.console = console ?? throw new ArgumentNullException(nameof(console));
        this.openSource = openSource ?? throw new ArgumentNullException(nameof(openSource));
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
        if (!options.Headless)
        {
            RequireDisplay();
        }

        var source = OpenSource(options.Camera);
        var slot = new LatestFrameSlot();
        var grabber = new FrameGrabber(source, slot, realTimePacing: source.Info.Kind != SourceKind.Camera);
        bool captureStopped = true;
        LiveRecorder? recorder = null;
        try
        {
            using var estimator = CreateEstimator();
            if (options.RecordFolder is { } folder)
            {
                recorder = new LiveRecorder(folder, source.Info.Width, source.Info.Height, source.Info.FramesPerSecond > 0 ? source.Info.FramesPerSecond : 30);
            }

            if (!options.Headless)
            {
                OpenWindow();
            }

            WarmUp(estimator, source.Info.Width, source.Info.Height);
            grabber.Start();
            var loop = new Loop(this, estimator, slot, grabber, recorder);
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
            if (!options.Headless)
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
            var analysis = recorder is { FramesWritten: > 0 } ? SessionAnalyzer.Analyze(recorder.Poses, options.Settings)
                : recorder is null && loop.Analyzer.Frames.Count > 0 ? loop.Analyzer.Finish()
                : null;
            IReadOnlyList<string> written = [];
            if (recorder is not null && analysis is not null)
            {
                written = recorder.Finish(analysis, options, loop.Drill?.Result, source.Info.Name, lost, source.Warnings);
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
            var source = openSource(camera);
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

    private BlazePoseEstimator CreateEstimator() => new(new BlazePoseOptions
    {
        Model = options.Model,
        LandmarkModelPath = options.LandmarkModelPath,
        Device = options.Device,
    });

    private static void OpenWindow()
    {
        try
        {
            Cv2.NamedWindow(WindowName, WindowFlags.AutoSize);
        }
        catch (OpenCVException e)
        {
            throw new LiveSetupException($"cannot open a window on display '{Environment.GetEnvironmentVariable("DISPLAY")}': {e.Message}; add --headless", e);
        }
    }

    /// <summary>The per-session mutable state of the processing loop, kept apart from the setup above.</summary>
    private sealed class Loop
    {
        private readonly LiveSession owner;
        private readonly IPoseEstimator estimator;
        private readonly LatestFrameSlot slot;
        private readonly FrameGrabber grabber;
        private readonly LiveRecorder? recorder;
        private readonly LiveHud hud;
        private readonly PoseResult poseResult = new();
        private readonly JointCentreRefiner? refiner;
        private readonly GuidedProtocol? protocol;
        private LiveLunge? lunge;

        /// <summary>
        /// With <c>--exercise auto</c> (no drill, no guided protocol): the last poses of the session's first seconds,
        /// watched for the lunge test's set-up; null once decided.
        /// </summary>
        private List<PoseFrame>? autoLungeWindow;
        private readonly List<SetSummary> sets = [];
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly Mat display = new();
        private Side? userStance;
        private bool mirror = true;
        private bool help;
        private bool wasInEvent;
        private bool windowSeen;
        private double flashUntil = double.NegativeInfinity;
        private double nextConsoleLine;
        private int repsSeen, eventsSeen;
        private string? lastVerdict;
        private string? lastPrompt;
        private double promptSince;
        private bool setRunning;
        private int setRepsAtStart, setEventsAtStart, setNumber;
        private double setStart;

        public Loop(LiveSession owner, IPoseEstimator estimator, LatestFrameSlot slot, FrameGrabber grabber, LiveRecorder? recorder)
        {
            this.owner = owner;
            this.estimator = estimator;
            this.slot = slot;
            this.grabber = grabber;
            this.recorder = recorder;
            var settings = owner.options.Settings;
            Analyzer = new LiveSessionAnalyzer(settings);
            hud = new LiveHud(settings.ValgusThresholdDeg, settings.VisibilityGate);
            userStance = settings.StanceOverride;
            refiner = owner.options.Refine == JointRefinementMode.Mask ? new JointCentreRefiner(visibilityGate: settings.VisibilityGate) : null;
            if (settings.Exercise == Exercise.AnkleLunge)
            {
                // The lunge test has its own reading, prompts and overlay (LiveLunge); --guided means its 3 attempts per leg.
                lunge = new LiveLunge(settings, owner.options.Mode == LiveMode.Guided);
            }
            else if (owner.options.Mode == LiveMode.Drill)
            {
                Drill = new PositionSenseDrill(settings.StanceOverride ?? Side.Left, DrillSettings.Default with { TrialsPerSide = owner.options.DrillTrials });
            }
            else if (owner.options.Mode == LiveMode.Guided)
            {
                protocol = new GuidedProtocol(ProtocolPlan.Standard(settings.StanceOverride ?? Side.Left), settings);
            }
            else if (settings.Exercise == Exercise.Auto)
            {
                autoLungeWindow = new List<PoseFrame>(AutoLungeFrames);
            }
        }

        /// <summary>Poses the auto choice looks at: 1 s at 30 fps, so it decides while the person still stands.</summary>
        private const int AutoLungeFrames = 30;

        /// <summary>The auto choice is made within the session's first seconds: later, a turn to the side is not a new test.</summary>
        private const double AutoLungeDecideSeconds = 10;

        /// <summary>
        /// <c>--exercise auto</c> live: a second of a side view with the feet split is the lunge test's set-up (squats are
        /// filmed from the front, a hinge from the side with the feet together), so the session switches to the lunge
        /// reading before the first lunge — offline, auto also needs the lunges themselves (<see cref="LungeCue.Fits"/>),
        /// which is what the session's report is analysed with. Looks every half second; allocates only then.
        /// </summary>
        private void WatchForLunge(PoseFrame pose)
        {
            var window = autoLungeWindow!;
            if (pose.TimeSeconds > AutoLungeDecideSeconds)
            {
                autoLungeWindow = null;
                return;
            }

            if (window.Count == AutoLungeFrames)
            {
                window.RemoveAt(0);
            }

            window.Add(pose);
            if (window.Count < AutoLungeFrames || Processed % 15 != 0)
            {
                return;
            }

            var settings = Options.Settings;
            var cue = LungeCue.Measure(window, settings);
            if (cue.SideViewDeg >= settings.Ankle.MinSideViewDeg && cue.SplitStanceFraction >= LungeCue.MinSplitStanceFraction)
            {
                autoLungeWindow = null;
                lunge = new LiveLunge(settings with { Exercise = Exercise.AnkleLunge }, guided: false);
                owner.console.WriteLine($"exercise chosen automatically: the weight-bearing lunge test ({cue.Describe()})");
            }
        }

        public LiveSessionAnalyzer Analyzer { get; }

        public PositionSenseDrill? Drill { get; }

        public LatencyStats Latency { get; } = new();

        public int Processed { get; private set; }

        /// <summary>Why the recording stopped working, when the session ended for that reason.</summary>
        public string? RecordingError { get; private set; }

        public IReadOnlyList<SetSummary> Sets => protocol is null ? sets : protocol.Summaries;

        private LiveOptions Options => owner.options;

        public LiveEndReason Run(CancellationToken cancel)
        {
            try
            {
                while (true)
                {
                    if (cancel.IsCancellationRequested)
                    {
                        return LiveEndReason.Interrupted;
                    }

                    if (Options.MaxSeconds is { } max && clock.Elapsed.TotalSeconds >= max)
                    {
                        return LiveEndReason.TimeLimit;
                    }

                    if (!slot.TryTake(100, out var frame, out long captured))
                    {
                        if (slot.Drained)
                        {
                            return grabber.LostReason is not null ? LiveEndReason.CameraLost : LiveEndReason.EndOfInput;
                        }

                        if (grabber.CheckStalled(Stopwatch.GetTimestamp()))
                        {
                            return LiveEndReason.CameraLost;
                        }

                        if (!Options.Headless && PumpWindow() is { } ended)
                        {
                            return ended;
                        }

                        continue;
                    }

                    if (Process(frame, captured) is { } end)
                    {
                        return end;
                    }
                }
            }
            finally
            {
                display.Dispose();
                lunge?.Dispose();
            }
        }

        private LiveEndReason? Process(VideoFrame frame, long capturedTicks)
        {
            estimator.Estimate(frame.AsImageFrame(), poseResult);
            refiner?.Apply(poseResult);
            var pose = poseResult.Snapshot(Processed);
            var metrics = Analyzer.Add(pose);
            try
            {
                recorder?.Write(frame, pose, metrics);
            }
            catch (IOException e)
            {
                // The frame is analysed but not recorded; the session ends and the report covers the recorded ones.
                RecordingError = $"recording stopped: {e.Message}";
                return LiveEndReason.RecordingFailed;
            }

            Processed++;
            if (autoLungeWindow is not null)
            {
                WatchForLunge(pose);
            }

            if (lunge is not null)
            {
                return ProcessLunge(frame, pose, capturedTicks);
            }

            double now = clock.Elapsed.TotalSeconds;
            var stance = Drill?.Side ?? userStance ?? metrics.Stance;
            Follow(metrics, stance, now);

            var state = new HudState(
                stance,
                mirror,
                Drill?.FeedbackHidden ?? false,
                Drill?.Prompt ?? protocol?.Prompt,
                Analyzer.Reps.Count,
                lastVerdict,
                now < flashUntil && !(Drill?.FeedbackHidden ?? false),
                metrics.InEvent && !(Drill?.FeedbackHidden ?? false),
                setRunning || protocol?.Phase == ProtocolPhase.Active,
                Latency.RecentFps,
                Latency.LastLatencyMs,
                help);

            LiveEndReason? ended = null;
            if (!Options.Headless)
            {
                if (mirror)
                {
                    Cv2.Flip(frame.Image, display, FlipMode.Y);
                }
                else
                {
                    frame.Image.CopyTo(display);
                }

                hud.Draw(display, pose, metrics, state);
                Cv2.ImShow(WindowName, display);
                ended = PumpWindow();
            }

            double latencyMs = (Stopwatch.GetTimestamp() - capturedTicks) * 1000.0 / Stopwatch.Frequency;
            Latency.Add(latencyMs, clock.Elapsed.TotalSeconds);
            if (Options.Headless && now >= nextConsoleLine)
            {
                nextConsoleLine = now + ConsoleIntervalSeconds;
                WriteConsoleLine(metrics, state);
            }

            return ended;
        }

        /// <summary>The lunge test's frame: no squat reps, events or bells, the shank overlay instead of the HUD.</summary>
        private LiveEndReason? ProcessLunge(VideoFrame frame, PoseFrame pose, long capturedTicks)
        {
            lunge!.Update(pose, Options.Headless ? owner.console : null);
            LiveEndReason? ended = null;
            if (!Options.Headless)
            {
                lunge.Draw(frame, display, pose);
                Cv2.ImShow(WindowName, display);
                ended = PumpWindow();
            }

            double latencyMs = (Stopwatch.GetTimestamp() - capturedTicks) * 1000.0 / Stopwatch.Frequency;
            Latency.Add(latencyMs, clock.Elapsed.TotalSeconds);
            if (Options.Headless && clock.Elapsed.TotalSeconds >= nextConsoleLine)
            {
                nextConsoleLine = clock.Elapsed.TotalSeconds + ConsoleIntervalSeconds;
                owner.console.WriteLine(lunge.ConsoleLine(pose.TimeSeconds, Latency.RecentFps, Latency.LastLatencyMs));
            }

            return ended;
        }

        /// <summary>Reps, events, drill and protocol: what changed with this frame.</summary>
        private void Follow(FrameMetrics metrics, Side? stance, double now)
        {
            // The drill hides every hint of the angle until the reveal, the red flash and the bell included.
            bool hidden = Drill?.FeedbackHidden ?? false;
            if (metrics.InEvent && !wasInEvent && !hidden)
            {
                flashUntil = now + FlashSeconds;
                // The terminal bell: audible where the terminal has one, harmless elsewhere.
                owner.console.Write('\a');
                if (Options.Headless)
                {
                    owner.console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{metrics.TimeSeconds,7:0.00} s  VALGUS: knee FPPA {metrics.StanceFppaDeg ?? metrics.LeftFppaDeg ?? metrics.RightFppaDeg:0.0}° ≥ {Options.Settings.ValgusThresholdDeg:0.#}°"));
                }
            }

            wasInEvent = metrics.InEvent;
            while (repsSeen < Analyzer.Reps.Count)
            {
                var rep = Analyzer.Reps[repsSeen++];
                lastVerdict = string.Create(CultureInfo.InvariantCulture, $"rep {rep.Index + 1}: {rep.Verdict}");
                protocol?.OnRep(rep);
                if (Options.Headless && !hidden)
                {
                    owner.console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{metrics.TimeSeconds,7:0.00} s  {lastVerdict}"));
                }
            }

            while (eventsSeen < Analyzer.Events.Count)
            {
                eventsSeen++;
                protocol?.OnValgusEvent();
            }

            if (Drill is not null && stance is { } side && Drill.Update(new DrillSample(metrics.TimeSeconds, metrics.DepthPct, metrics.FppaDeg(side))))
            {
                owner.console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"drill: {Drill.LastTrial!.Side.ToName()} leg trial {Drill.LastTrial.Number}: FPPA {Drill.LastTrial.FppaDeg:+0.0;-0.0;0.0}° (error {Drill.LastTrial.AbsoluteErrorDeg:0.0}°)"));
            }

            if (protocol is not null)
            {
                protocol.Update(metrics.TimeSeconds, metrics.PelvicDropDeg);
                if (Options.Headless && protocol.Phase is ProtocolPhase.Ready or ProtocolPhase.Summary && metrics.TimeSeconds - promptSince >= HeadlessAutoAdvanceSeconds)
                {
                    protocol.Advance(metrics.TimeSeconds);
                }
            }

            string? prompt = protocol is not null ? PhaseKey(protocol) : Drill?.Prompt;
            if (prompt is not null && prompt != lastPrompt)
            {
                lastPrompt = prompt;
                promptSince = metrics.TimeSeconds;
                if (Options.Headless)
                {
                    owner.console.WriteLine((protocol?.Prompt ?? Drill?.Prompt)!);
                }
            }
        }

        /// <summary>The protocol's prompt without its running numbers, so the console prints it once per phase.</summary>
        private static string PhaseKey(GuidedProtocol protocol) =>
            string.Create(CultureInfo.InvariantCulture, $"{protocol.StepIndex}:{protocol.Phase}");

        private LiveEndReason? PumpWindow()
        {
            int key = Cv2.WaitKey(1);
            // Without a window manager (Xvfb) GTK reports the window invisible until it is mapped, a few frames in:
            // only a window that was visible and no longer is (or no longer exists, −1) has been closed.
            double visible = Cv2.GetWindowProperty(WindowName, WindowPropertyFlags.Visible);
            if (visible >= 1)
            {
                windowSeen = true;
            }
            else if (windowSeen)
            {
                return LiveEndReason.WindowClosed;
            }

            if (key < 0)
            {
                return null;
            }

            double t = Analyzer.Frames.Count > 0 ? Analyzer.Frames[^1].TimeSeconds : 0;
            switch (char.ToLowerInvariant((char)(key & 0xFF)))
            {
                case 'q':
                case (char)27:
                    return LiveEndReason.Quit;
                case ' ':
                    ToggleSet(t);
                    break;
                case 'l':
                    userStance = Side.Left;
                    break;
                case 'r':
                    userStance = Side.Right;
                    break;
                case 'm':
                    mirror = !mirror;
                    break;
                case 'h':
                    help = !help;
                    break;
            }

            return null;
        }

        private void ToggleSet(double timeSeconds)
        {
            if (protocol is not null)
            {
                protocol.Advance(timeSeconds);
                return;
            }

            if (!setRunning)
            {
                setRunning = true;
                setStart = timeSeconds;
                setRepsAtStart = Analyzer.Reps.Count;
                setEventsAtStart = Analyzer.Events.Count;
                setNumber++;
                return;
            }

            setRunning = false;
            int reps = Analyzer.Reps.Count - setRepsAtStart;
            double sum = 0, peak = double.NegativeInfinity;
            int counted = 0;
            for (int i = setRepsAtStart; i < Analyzer.Reps.Count; i++)
            {
                if (Analyzer.Reps[i].FppaAtBottomDeg is { } bottom)
                {
                    sum += bottom;
                    counted++;
                }

                peak = Math.Max(peak, Analyzer.Reps[i].PeakFppaDeg ?? double.NegativeInfinity);
            }

            var step = new ProtocolStep(Options.Settings.Exercise == Exercise.Auto ? Exercise.SingleLegSquat : Options.Settings.Exercise, userStance ?? Side.Left, setNumber, setNumber, null, null, null);
            var summary = new SetSummary(step, timeSeconds - setStart, reps, Analyzer.Events.Count - setEventsAtStart, counted > 0 ? sum / counted : null, double.IsFinite(peak) ? peak : null);
            sets.Add(summary);
            lastVerdict = summary.Describe();
            owner.console.WriteLine(lastVerdict);
        }

        private void WriteConsoleLine(FrameMetrics m, in HudState state)
        {
            string fppa = state.FeedbackHidden ? "hidden" : Format(state.Stance is { } s ? m.FppaDeg(s) : null, "+0.0;-0.0;0.0", "°");
            owner.console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.TimeSeconds,7:0.00} s  stance {state.Stance?.ToName() ?? "?",-5}  FPPA {fppa,7}  hip shift {Format(m.HipShiftPct, "+0.0;-0.0;0.0", " %"),8}  depth {Format(m.DepthPct, "0", " %"),5}  reps {state.Reps}  {Latency.RecentFps:0.0} fps  latency {Latency.LastLatencyMs:0} ms"));
        }

        private static string Format(double? value, string format, string unit) =>
            value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) + unit : "—";
    }
}
