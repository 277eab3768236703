using System.Diagnostics;
using System.Globalization;
using OpenCvSharp;
using ValgusVision.App;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Live.Capture;
using ValgusVision.Live.Drill;
using ValgusVision.Live.Protocol;
using ValgusVision.Video;

namespace ValgusVision.Live.Session;

/// <summary>
/// One live session's processing loop: takes the newest captured frame, runs the session's pose stage and live
/// analysis on it, records it, and hands it to the window or the console. Its other parts: keys and the window
/// (LiveLoop.Window.cs), reps, events, sets, the drill and the protocol (LiveLoop.Training.cs), the console lines
/// (LiveLoop.Console.cs); the exercise watcher is <see cref="ExerciseWatcher"/>. Not thread-safe: the session's thread only.
/// </summary>
internal sealed partial class LiveLoop
{
    /// <summary>The window's title, also how OpenCV names it.</summary>
    public const string WindowName = "ValgusVision live";

    private const double FlashSeconds = 0.4;
    private const double ConsoleIntervalSeconds = 0.5;

    // Without keys (headless) the guided protocol moves on by itself after this pause.
    private const double HeadlessAutoAdvanceSeconds = 5.0;

    private readonly LiveOptions options;
    private readonly TextWriter console;
    private readonly PoseStage poseStage;
    private readonly LatestFrameSlot slot;
    private readonly FrameGrabber grabber;
    private readonly LiveRecorder? recorder;
    private readonly LiveHud hud;
    private readonly GuidedProtocol? protocol;
    private LiveLunge? lunge;

    /// <summary>With <c>--exercise auto</c> (no drill, no guided protocol): watches the first seconds for the lunge test's set-up.</summary>
    private readonly ExerciseWatcher? exerciseWatcher;
    private readonly List<SetSummary> sets = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Mat display = new();
    private Side? userStance;
    private bool mirror = true;
    private bool help;
    private bool wasInEvent;

    /// <summary>The model and levers the accuracy was evaluated with (the trust rule's set-up part), fixed for the session.</summary>
    private readonly bool setupEvaluated;
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

    public LiveLoop(LiveOptions options, TextWriter console, IPoseEstimator estimator, LatestFrameSlot slot, FrameGrabber grabber, LiveRecorder? recorder)
    {
        this.options = options;
        this.console = console;
        poseStage = SessionPipeline.CreatePoseStage(options.Session, estimator);
        this.slot = slot;
        this.grabber = grabber;
        this.recorder = recorder;
        var settings = options.Settings;
        Analyzer = SessionPipeline.StartLive(options.Session);
        setupEvaluated = ExpectedFppaAccuracy.IsEvaluated(options.Session);
        hud = new LiveHud(settings.ValgusThresholdDeg, settings.VisibilityGate);
        userStance = settings.StanceOverride;
        if (settings.Exercise == Exercise.AnkleLunge)
        {
            // The lunge test has its own reading, prompts and overlay (LiveLunge); --guided means its 3 attempts per leg.
            lunge = new LiveLunge(settings, options.Mode == LiveMode.Guided);
        }
        else if (options.Mode == LiveMode.Drill)
        {
            Drill = new PositionSenseDrill(settings.StanceOverride ?? Side.Left, DrillSettings.Default with { TrialsPerSide = options.DrillTrials });
        }
        else if (options.Mode == LiveMode.Guided)
        {
            protocol = new GuidedProtocol(ProtocolPlan.Standard(settings.StanceOverride ?? Side.Left), settings);
        }
        else if (settings.Exercise == Exercise.Auto)
        {
            exerciseWatcher = new ExerciseWatcher(settings);
        }
    }

    public LiveSessionAnalyzer Analyzer { get; }

    public PositionSenseDrill? Drill { get; }

    public LatencyStats Latency { get; } = new();

    public int Processed { get; private set; }

    /// <summary>Why the recording stopped working, when the session ended for that reason.</summary>
    public string? RecordingError { get; private set; }

    public IReadOnlyList<SetSummary> Sets => protocol is null ? sets : protocol.Summaries;

    private LiveOptions Options => options;

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
        var pose = poseStage.Estimate(frame, Processed);
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
        if (lunge is null && exerciseWatcher?.Watch(pose, Processed) is { } cue)
        {
            lunge = new LiveLunge(Options.Settings with { Exercise = Exercise.AnkleLunge }, guided: false);
            console.WriteLine($"exercise chosen automatically: the weight-bearing lunge test ({cue.Describe()})");
        }

        if (lunge is not null)
        {
            return ProcessLunge(frame, pose, capturedTicks);
        }

        double now = clock.Elapsed.TotalSeconds;
        var stance = Drill?.Side ?? userStance ?? metrics.Stance;
        Follow(metrics, stance, now);

        var trust = MeasurementTrust.OfFrame(metrics, Analyzer.Reference, setupEvaluated);
        var state = new HudState(
            stance,
            mirror,
            Drill?.FeedbackHidden ?? false,
            Drill?.Prompt ?? protocol?.Prompt,
            Analyzer.Reps.Count,
            lastVerdict,
            now < flashUntil && !(Drill?.FeedbackHidden ?? false),
            metrics.InEvent && trust.IsTrusted && !(Drill?.FeedbackHidden ?? false),
            setRunning || protocol?.Phase == ProtocolPhase.Active,
            Latency.RecentFps,
            Latency.LastLatencyMs,
            help,
            trust.IsTrusted ? null : trust.Reason);

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
        lunge!.Update(pose, Options.Headless ? console : null);
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
            console.WriteLine(lunge.ConsoleLine(pose.TimeSeconds, Latency.RecentFps, Latency.LastLatencyMs));
        }

        return ended;
    }
}
