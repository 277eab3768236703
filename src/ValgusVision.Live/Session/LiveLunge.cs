using System.Globalization;
using OpenCvSharp;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;
using ValgusVision.Live.Protocol;
using ValgusVision.Rendering.Overlay;
using ValgusVision.Video;

namespace ValgusVision.Live.Session;

/// <summary>
/// <c>valgus live --exercise ankle-lunge</c>: the lunge test frame by frame (<see cref="LiveLungeTracker"/>), the
/// guided prompts (<see cref="LungeProtocol"/>, with <c>--guided</c>), the shank overlay and the console lines. The
/// picture is not mirrored: a side view needs no mirror, and mirrored text would read backwards.
/// </summary>
internal sealed unsafe class LiveLunge : IDisposable
{
    private readonly LiveLungeTracker _tracker;
    private readonly LungeProtocol? _protocol;
    private readonly double _cutOffDeg;
    private readonly float _gate;
    private ShankOverlayPainter? _painter;
    private int _attemptsSeen;
    private string? _lastPrompt;

    public LiveLunge(AnalysisSettings settings, bool guided)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _tracker = new LiveLungeTracker(settings.Lunge);
        _protocol = guided ? new LungeProtocol(_tracker, settings.StanceOverride ?? Side.Left) : null;
        _cutOffDeg = settings.Ankle.RestrictedBelowDeg;
        _gate = (float)settings.VisibilityGate;
    }

    public LiveLungeFrame Last { get; private set; }

    public string? Prompt { get; private set; }

    public bool Done => _protocol?.Done ?? false;

    /// <summary>Reads one frame; finished attempts and new prompts go to <paramref name="console"/> when given.</summary>
    public void Update(PoseFrame pose, TextWriter? console)
    {
        Last = _tracker.Add(pose);
        Prompt = _protocol?.Prompt(Last);
        while (_attemptsSeen < _tracker.Attempts.Count)
        {
            var a = _tracker.Attempts[_attemptsSeen++];
            console?.WriteLine(a.HeelLift
                ? string.Create(CultureInfo.InvariantCulture, $"{a.EndTimeSeconds,7:0.00} s  {a.Side.ToName()} attempt {a.Number}: heel lift — not counted")
                : string.Create(CultureInfo.InvariantCulture, $"{a.EndTimeSeconds,7:0.00} s  {a.Side.ToName()} attempt {a.Number}: {a.InclinationDeg:0.0}° tibial inclination"));
        }

        if (Prompt is not null && Prompt != _lastPrompt)
        {
            _lastPrompt = Prompt;
            console?.WriteLine(Prompt);
        }
    }

    /// <summary>Copies the frame into <paramref name="display"/> and draws the shank overlay on it.</summary>
    public void Draw(VideoFrame frame, Mat display, PoseFrame pose)
    {
        frame.Image.CopyTo(display);
        _painter ??= new ShankOverlayPainter(display.Cols, display.Rows, _gate);
        var state = new ShankOverlayState(Last.FrontSide, Last.InclinationDeg, Last.FloorTiltDeg, Last.HeelLifted, Last.AttemptNumber, _cutOffDeg, Last.Message, Prompt);
        var pixels = new Span<byte>((void*)display.Data, checked((int)(display.Step() * display.Rows)));
        _painter.Paint(pixels, (int)display.Step(), PixelFormat.Bgr24, pose, state);
    }

    /// <summary>The headless status line.</summary>
    /// <param name="debug">The session's latency figures for --debug; null on the client's lines.</param>
    public string ConsoleLine(double timeSeconds, LatencyStats? debug)
    {
        string angle = Last.InclinationDeg is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) + "°" : "—";
        return string.Create(CultureInfo.InvariantCulture,
            $"{timeSeconds,7:0.00} s  front {Last.FrontSide?.ToName() ?? "?",-5}  shank {angle,6}  heel {(Last.HeelLifted ? "LIFTED" : "down")}  attempts L{_tracker.AttemptCount(Side.Left)} R{_tracker.AttemptCount(Side.Right)}{LiveLoop.DebugFigures(debug)}{(Last.Message is { } m ? "  " + m : string.Empty)}");
    }

    public void Dispose() => _painter?.Dispose();
}
