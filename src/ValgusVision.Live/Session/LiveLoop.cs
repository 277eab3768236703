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

    private readonly LiveOptions _options;
    private readonly TextWriter _console;
    private readonly PoseStage _poseStage;
    private readonly LatestFrameSlot _slot;
    private readonly FrameGrabber _grabber;
    private readonly LiveRecorder? _recorder;
    private readonly LiveHud _hud;
    private readonly GuidedProtocol? _protocol;
    private LiveLunge? _lunge;

    /// <summary>With <c>--exercise auto</c> (no drill, no guided protocol): watches the first seconds for the lunge test's set-up.</summary>
    private readonly ExerciseWatcher? _exerciseWatcher;
    private readonly List<SetSummary> _sets = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Mat _display = new();
    private Side? _userStance;
    private bool _mirror = true;
    private bool _help;
    private bool _wasInEvent;

    /// <summary>The model and levers the accuracy was evaluated with (the trust rule's set-up part), fixed for the session.</summary>
    private readonly bool _setupEvaluated;
    private bool _windowSeen;
    private double _flashUntil = double.NegativeInfinity;
    private double _nextConsoleLine;
    private int _repsSeen, _eventsSeen;
    private string? _lastVerdict;
    private string? _lastPrompt;
    private bool _setRunning;
    private int _setRepsAtStart, _setEventsAtStart, _setNumber;
    private double _setStart;

    public LiveLoop(LiveOptions options, TextWriter console, IPoseEstimator estimator, LatestFrameSlot slot, FrameGrabber grabber, LiveRecorder? recorder)
    {
        _options = options;
        _console = console;
        _poseStage = SessionPipeline.CreatePoseStage(options.Session, estimator);
        _slot = slot;
        _grabber = grabber;
        _recorder = recorder;
        var settings = options.Settings;
        Analyzer = SessionPipeline.StartLive(options.Session);
        _setupEvaluated = ExpectedFppaAccuracy.IsEvaluated(options.Session);
        _hud = new LiveHud(settings.ValgusThresholdDeg, settings.VisibilityGate);
        _userStance = settings.StanceOverride;
        if (settings.Exercise == Exercise.AnkleLunge)
        {
            // The lunge test has its own reading, prompts and overlay (LiveLunge); --guided means its 3 attempts per leg.
            _lunge = new LiveLunge(settings, options.Mode == LiveMode.Guided);
        }
        else if (options.Mode == LiveMode.Drill)
        {
            Drill = new PositionSenseDrill(settings.StanceOverride ?? Side.Left, DrillSettings.Default with { TrialsPerSide = options.DrillTrials });
        }
        else if (options.Mode == LiveMode.Guided)
        {
            // Without keys (headless) Ready and Summary move on by themselves after a pause, and the prompts count it down.
            // The window moves on with the space key, and says so.
            _protocol = new GuidedProtocol(ProtocolPlan.Standard(settings.StanceOverride ?? Side.Left), settings, options.Headless ? HeadlessAutoAdvanceSeconds : null)
            {
                StartHint = "Press space to start",
                GoOnHint = "Press space to go on",
            };
        }
        else if (settings.Exercise == Exercise.Auto)
        {
            _exerciseWatcher = new ExerciseWatcher(settings);
        }
    }

    public LiveSessionAnalyzer Analyzer { get; }

    public PositionSenseDrill? Drill { get; }

    public LatencyStats Latency { get; } = new();

    public int Processed { get; private set; }

    /// <summary>Why the recording stopped working, when the session ended for that reason.</summary>
    public string? RecordingError { get; private set; }

    public IReadOnlyList<SetSummary> Sets => _protocol is null ? _sets : _protocol.Summaries;

    private LiveOptions Options => _options;

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

                if (Options.MaxSeconds is { } max && _clock.Elapsed.TotalSeconds >= max)
                {
                    return LiveEndReason.TimeLimit;
                }

                if (!_slot.TryTake(100, out var frame, out long captured))
                {
                    if (_slot.Drained)
                    {
                        return _grabber.LostReason is not null ? LiveEndReason.CameraLost : LiveEndReason.EndOfInput;
                    }

                    if (_grabber.CheckStalled(Stopwatch.GetTimestamp()))
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
            _display.Dispose();
            _lunge?.Dispose();
        }
    }

    private LiveEndReason? Process(VideoFrame frame, long capturedTicks)
    {
        var pose = _poseStage.Estimate(frame, Processed);
        var metrics = Analyzer.Add(pose);
        try
        {
            _recorder?.Write(frame, pose, metrics);
        }
        catch (IOException e)
        {
            // The frame is analysed but not recorded; the session ends and the report covers the recorded ones.
            RecordingError = $"recording stopped: {e.Message}";
            return LiveEndReason.RecordingFailed;
        }

        Processed++;
        if (_lunge is null && _exerciseWatcher?.Watch(pose, Processed) is { } cue)
        {
            _lunge = new LiveLunge(Options.Settings with { Exercise = Exercise.AnkleLunge }, guided: false);
            _console.WriteLine($"exercise chosen automatically: the weight-bearing lunge test ({cue.Describe()})");
        }

        if (_lunge is not null)
        {
            return ProcessLunge(frame, pose, capturedTicks);
        }

        double now = _clock.Elapsed.TotalSeconds;
        var stance = Drill?.Side ?? _userStance ?? metrics.Stance;
        Follow(metrics, stance, now);

        var trust = MeasurementTrust.OfFrame(metrics, Analyzer.Reference, _setupEvaluated);
        var state = new HudState(
            stance,
            _mirror,
            Drill?.FeedbackHidden ?? false,
            Drill?.Prompt ?? _protocol?.Prompt,
            _protocol?.RepsInSet ?? Analyzer.Reps.Count,
            _lastVerdict,
            now < _flashUntil && !(Drill?.FeedbackHidden ?? false),
            metrics.InEvent && trust.IsTrusted && !(Drill?.FeedbackHidden ?? false),
            _setRunning || _protocol?.Phase == ProtocolPhase.Active,
            Latency.RecentFps,
            Latency.LastLatencyMs,
            _help,
            trust.IsTrusted ? null : trust.Reason,
            Options.Debug);

        LiveEndReason? ended = null;
        if (!Options.Headless)
        {
            if (_mirror)
            {
                Cv2.Flip(frame.Image, _display, FlipMode.Y);
            }
            else
            {
                frame.Image.CopyTo(_display);
            }

            _hud.Draw(_display, pose, metrics, state);
            Cv2.ImShow(WindowName, _display);
            ended = PumpWindow();
        }

        double latencyMs = (Stopwatch.GetTimestamp() - capturedTicks) * 1000.0 / Stopwatch.Frequency;
        Latency.Add(latencyMs, _clock.Elapsed.TotalSeconds);
        if (Options.Headless && now >= _nextConsoleLine)
        {
            _nextConsoleLine = now + ConsoleIntervalSeconds;
            WriteConsoleLine(metrics, state);
        }

        return ended;
    }

    /// <summary>The lunge test's frame: no squat reps, events or bells, the shank overlay instead of the HUD.</summary>
    private LiveEndReason? ProcessLunge(VideoFrame frame, PoseFrame pose, long capturedTicks)
    {
        _lunge!.Update(pose, Options.Headless ? _console : null);
        LiveEndReason? ended = null;
        if (!Options.Headless)
        {
            _lunge.Draw(frame, _display, pose);
            Cv2.ImShow(WindowName, _display);
            ended = PumpWindow();
        }

        double latencyMs = (Stopwatch.GetTimestamp() - capturedTicks) * 1000.0 / Stopwatch.Frequency;
        Latency.Add(latencyMs, _clock.Elapsed.TotalSeconds);
        if (Options.Headless && _clock.Elapsed.TotalSeconds >= _nextConsoleLine)
        {
            _nextConsoleLine = _clock.Elapsed.TotalSeconds + ConsoleIntervalSeconds;
            _console.WriteLine(_lunge.ConsoleLine(pose.TimeSeconds, Options.Debug ? Latency : null));
        }

        return ended;
    }
}
