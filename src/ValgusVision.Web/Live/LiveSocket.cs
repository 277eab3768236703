using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenCvSharp;
using ValgusVision.App;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Live.Session;
using ValgusVision.Rendering.Overlay;
using ValgusVision.Video;

namespace ValgusVision.Web.Live;

/// <summary>
/// One live session over a WebSocket. The page sends a binary message per frame (8 bytes: its capture time in ms,
/// little-endian float64, then the frame as JPEG) and the next one only after this answer, so at most one frame is in
/// flight and the latency stays one round trip. Each frame goes through the session pipeline's live stages (the pose
/// stage, the live analyser: <see cref="SessionPipeline"/>), is recorded (<see cref="LiveRecording"/>) and answered
/// (<see cref="LiveAnswer"/>). The text message "stop", a closed socket or a dropped connection end the session; the
/// recording is kept up to its last frame and queued for the upload's analysis.
/// </summary>
internal sealed partial class LiveSocket
{
    /// <summary>Larger than any JPEG of a 1920×1080 frame at the page's quality.</summary>
    private const int MaxMessageBytes = 4 << 20;
    private const int MaxWidth = 1920;
    private const int MaxHeight = 1920;
    private static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    private readonly WebSocket _socket;
    private readonly ClinicServices _clinic;
    private readonly LiveEngine _engine;
    private readonly ILogger _log;
    private readonly byte[] _buffer = new byte[MaxMessageBytes];

    private LiveSocket(WebSocket socket, ClinicServices clinic, LiveEngine engine, ILogger log)
    {
        _socket = socket;
        _clinic = clinic;
        _engine = engine;
        _log = log;
    }

    public static async Task RunAsync(HttpContext context, ClinicServices clinic, LiveEngine engine, ILogger log, long clientId, LiveRequest request)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var live = new LiveSocket(socket, clinic, engine, log);
        if (!engine.TryBegin())
        {
            string since = engine.RunningSince is { } t ? t.ToLocalTime().ToString("HH:mm", CultureInfo.InvariantCulture) : "earlier";
            await live.SendAsync(LiveAnswer.Line("refused", $"another live session is running (since {since}); stop it before starting one here"));
            await live.CloseAsync(WebSocketCloseStatus.PolicyViolation, "busy");
            return;
        }

        try
        {
            await live.SessionAsync(clientId, request);
        }
        finally
        {
            engine.End();
        }
    }

    private async Task SessionAsync(long clientId, LiveRequest request)
    {
        var options = _engine.Options with { Settings = _engine.Options.Settings with { Exercise = request.Exercise, StanceOverride = request.Stance } };
        IPoseEstimator estimator;
        try
        {
            estimator = _engine.Estimator();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or FileNotFoundException or UnauthorizedAccessException)
        {
            await SendAsync(LiveAnswer.Line("error", "the pose model could not be loaded: " + e.Message.Split('\n')[0]));
            await CloseAsync(WebSocketCloseStatus.InternalServerError, "model");
            return;
        }

        var stage = SessionPipeline.CreatePoseStage(options, estimator);
        stage.Reset(); // the previous live session's tracking and smoothing are not this person's
        var analyzer = SessionPipeline.StartLive(options);
        bool setupEvaluated = ExpectedFppaAccuracy.IsEvaluated(options);
        var bands = FppaBands.ForThreshold(options.Settings.ValgusThresholdDeg);
        using var recording = new LiveRecording(_clinic, clientId, request.Screen, request.ExerciseName);
        ILiveCoach? coach = request.Mode switch
        {
            LiveMode.Guided => new LiveGuide(options.Settings.StanceOverride, options.Settings),
            LiveMode.Drill => new LiveDrill(options.Settings.StanceOverride),
            _ => null,
        };
        using var frame = new VideoFrame();
        string? ended = null;
        double? firstMs = null;
        double lastSeconds = 0;
        var times = new LiveTimes();
        _log.LogInformation("live session started");
        try
        {
            while (true)
            {
                var (kind, length) = await ReceiveAsync();
                if (kind is WebSocketMessageType.Close)
                {
                    break;
                }

                if (kind is WebSocketMessageType.Text)
                {
                    string text = System.Text.Encoding.UTF8.GetString(_buffer, 0, length);
                    if (text == "stop")
                    {
                        break;
                    }

                    // The page's "Next" (button or space): at the capture time of the last frame, the protocol's clock.
                    if (IsControl(text, "next"))
                    {
                        coach?.Advance(lastSeconds);
                    }

                    continue;
                }

                if (length < 0)
                {
                    ended = "a frame was larger than any camera frame (4 MB); the session was ended";
                    break;
                }

                long start = Stopwatch.GetTimestamp();
                if (!Decode(length, frame, out double captureMs))
                {
                    ended = "a frame could not be read as a JPEG image up to 1920×1920; the session was ended";
                    break;
                }

                firstMs ??= captureMs;
                // The capture clock, from the first frame; a clock that steps back holds (the analysis needs order).
                lastSeconds = Math.Max(lastSeconds, (captureMs - firstMs.Value) / 1000.0);
                frame.Index = recording.Received;
                frame.TimestampSeconds = lastSeconds;
                var pose = stage.Estimate(frame, frame.Index);
                var metrics = analyzer.Add(pose);
                var trust = MeasurementTrust.OfFrame(metrics, analyzer.Reference, setupEvaluated);
                // The drill works one leg at a time, whichever leg the person happens to stand on.
                var stance = coach?.Stance ?? options.Settings.StanceOverride ?? metrics.Stance;
                coach?.Follow(analyzer, metrics, stance);
                double serverMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                await SendAsync(LiveAnswer.Frame(captureMs, pose, metrics, stance, analyzer.Reps.Count, trust, bands, serverMs, coach));

                // Recorded after the answer: the page grabs and encodes its next frame meanwhile, so the encoder's
                // pipe (which can stall for a moment when ffmpeg is busy) is off the latency's path.
                long recordStart = Stopwatch.GetTimestamp();
                await recording.AddAsync(frame, CancellationToken.None);
                times.Add(serverMs, Stopwatch.GetElapsedTime(recordStart).TotalMilliseconds);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The page went away (closed, reloaded, network lost): the session keeps what came before.
            _log.LogInformation("live session: the connection dropped");
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            ended = e.Message.Split('\n')[0];
        }

        var session = await recording.FinishAsync();
        if (session is not null && coach is not null)
        {
            StoreCoach(session, coach);
        }

        _log.LogInformation("live session ended: {Frames} frames; {Times}", recording.Received, times.Describe());
        if (ended is not null)
        {
            await SendAsync(LiveAnswer.Line("error", ended));
        }

        if (session is not null)
        {
            await SendAsync(LiveAnswer.Saved(session.Id, recording.Received));
        }

        await CloseAsync(WebSocketCloseStatus.NormalClosure, "ended");
    }

    /// <summary>A control message from the page: <c>{"control":"next"}</c>; anything else is ignored.</summary>
    private static bool IsControl(string text, string name)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && doc.RootElement.TryGetProperty("control", out var control)
                && control.ValueKind == System.Text.Json.JsonValueKind.String
                && control.GetString() == name;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The protocol's sets or the drill's trials, beside the recording (not outputs the analysis clears).</summary>
    private void StoreCoach(Storage.Session session, ILiveCoach coach)
    {
        try
        {
            coach.Store(_clinic.Data.SessionFolder(session));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.LogWarning("live session: the protocol or drill result could not be stored: {Problem}", e.Message.Split('\n')[0]);
        }
    }

    /// <summary>Reads one whole message into the buffer; length −1 when it did not fit.</summary>
    private async Task<(WebSocketMessageType Kind, int Length)> ReceiveAsync()
    {
        int length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                return (WebSocketMessageType.Binary, -1);
            }

            // A page that stopped sending (a hidden tab, a stalled camera) must not hold the live slot for ever: past
            // this the socket is dropped and the session kept, as for a lost connection.
            using var idle = new CancellationTokenSource(IdleLimit);
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), idle.Token);
            length += result.Count;
            if (result.MessageType == WebSocketMessageType.Close || result.EndOfMessage)
            {
                return (result.MessageType, length);
            }
        }
    }

    private bool Decode(int length, VideoFrame frame, out double captureMs)
    {
        captureMs = 0;
        if (length <= 8)
        {
            return false;
        }

        captureMs = BinaryPrimitives.ReadDoubleLittleEndian(_buffer.AsSpan(0, 8));
        if (!double.IsFinite(captureMs))
        {
            return false;
        }

        using var image = Cv2.ImDecode(_buffer.AsSpan(8, length - 8), ImreadModes.Color);
        if (image.Empty() || image.Cols > MaxWidth || image.Rows > MaxHeight)
        {
            return false;
        }

        frame.CopyFrom(image);
        return true;
    }

    private async Task SendAsync(ReadOnlyMemory<byte> json)
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Gone: the session's end is handled by the receive side.
            }
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string why)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                // Said, not awaited: a page that never answers the close must not hold the live slot.
                await _socket.CloseOutputAsync(status, why, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
        }
    }
}
