using System.Buffers;
using System.Threading.Channels;
using ValgusVision.Domain.Pose;
using ValgusVision.Video;
using ValgusVision.Web.Storage;

namespace ValgusVision.Web.Live;

/// <summary>
/// A live session's recording: the frames the browser sent, written to the session's input video as they arrive, at
/// their real times (the camera's capture clock), so the video plays as the session happened and its analysis (the
/// upload's path: the queue, <c>valgus analyze</c>'s job) sees the movement at its real speed. The video has a fixed
/// rate (<see cref="FramesPerSecond"/>, what MP4 players and the analysis expect); each received frame fills the slots
/// until the next one arrived, so a slower stream repeats frames rather than speeding the movement up.
/// <para>
/// The session row is made with the first frame (a session the camera never delivered to leaves nothing), as Running,
/// and the video is written crash-safe in place: a server killed mid-session leaves a readable video that the queue,
/// at the next start, analyses like any interrupted session. A dropped connection ends the recording at its last frame.
/// </para>
/// </summary>
internal sealed class LiveRecording : IDisposable
{
    public const double FramesPerSecond = 30;
    public const string InputFile = "input.mp4";

    /// <summary>Frames waiting for the encoder (≈ 0.7 MB each at 640×360): enough to ride out a busy ffmpeg; then the session waits.</summary>
    private const int Backlog = 48;

    private readonly ClinicServices _clinic;
    private readonly long _clientId;
    private readonly bool _screen;
    private readonly string _exercise;
    private readonly Channel<(byte[] Pixels, double Seconds)> _frames =
        Channel.CreateBounded<(byte[], double)>(new BoundedChannelOptions(Backlog) { SingleReader = true, SingleWriter = true });
    private IVideoEncoder? _encoder;
    private Task? _writer;
    private int _width, _height;

    public LiveRecording(ClinicServices clinic, long clientId, bool screen, string exercise)
    {
        _clinic = clinic;
        _clientId = clientId;
        _screen = screen;
        _exercise = exercise;
    }

    public Session? Session { get; private set; }

    /// <summary>Frames received (not video frames written).</summary>
    public int Received { get; private set; }

    /// <summary>
    /// Hands a frame taken at its timestamp (seconds from the session's first frame) to the encoder's own task, so
    /// encoding never holds up the next frame's answer; waits only when the encoder is <see cref="Backlog"/> frames behind.
    /// </summary>
    /// <exception cref="IOException">The video could not be written; the session should end.</exception>
    public async Task AddAsync(VideoFrame frame, CancellationToken cancellation)
    {
        if (Session is null)
        {
            await OpenAsync(frame.Width, frame.Height, cancellation);
        }

        if (frame.Width != _width || frame.Height != _height)
        {
            throw new InvalidDataException($"the frame size changed from {_width}×{_height} to {frame.Width}×{frame.Height} during the session");
        }

        if (_writer!.IsCompleted)
        {
            await _writer; // rethrows the encoder's failure
        }

        var pixels = ArrayPool<byte>.Shared.Rent(_width * _height * 3);
        frame.Pixels.Span.CopyTo(pixels);
        if (!_frames.Writer.TryWrite((pixels, frame.TimestampSeconds)))
        {
            await _frames.Writer.WriteAsync((pixels, frame.TimestampSeconds), cancellation);
        }

        Received++;
    }

    /// <summary>
    /// Ends the recording: the frames still queued written, the video completed, the session queued for analysis.
    /// Returns the session, or null when no frame came (nothing was stored).
    /// </summary>
    public async Task<Session?> FinishAsync()
    {
        if (Session is not { } session || _encoder is null)
        {
            return null;
        }

        _frames.Writer.TryComplete();
        try
        {
            await _writer!;
            _encoder.Complete();
            await _clinic.Store.SetStateAsync(session.Id, SessionState.Queued, null, CancellationToken.None);
            _clinic.Queue.Enqueue(session.Id);
        }
        catch (IOException e)
        {
            await _clinic.Store.SetStateAsync(session.Id, SessionState.Failed, "the recording could not be finished: " + e.Message.Split('\n')[0], CancellationToken.None);
        }
        finally
        {
            _encoder.Dispose();
            _encoder = null;
        }

        return session;
    }

    public void Dispose()
    {
        _frames.Writer.TryComplete();
        _encoder?.Dispose();
    }

    private async Task OpenAsync(int width, int height, CancellationToken cancellation)
    {
        _width = width;
        _height = height;
        var session = await _clinic.Store.CreateSessionAsync(
            _clientId, DateOnly.FromDateTime(DateTime.Now), _screen, SessionSource.Live, SessionState.Running, _exercise, InputFile, cancellation);
        Directory.CreateDirectory(_clinic.Data.SessionFolder(session));
        _encoder = VideoEncoders.CreateCrashSafe(_clinic.Data.Input(session), width, height, FramesPerSecond, PixelFormat.Bgr24, VideoEncoders.FindFfmpeg());
        Session = session;
        var encoder = _encoder;
        _writer = Task.Run(() => WriteAll(encoder));
    }

    /// <summary>The encoder's task: each frame is held until the next one says how long it was the newest.</summary>
    private async Task WriteAll(IVideoEncoder encoder)
    {
        byte[]? held = null;
        double heldSeconds = 0;
        try
        {
            await foreach (var (pixels, seconds) in _frames.Reader.ReadAllAsync())
            {
                if (held is not null)
                {
                    FillUntil(encoder, held, seconds);
                    ArrayPool<byte>.Shared.Return(held);
                }

                held = pixels;
                heldSeconds = seconds;
            }

            if (held is not null)
            {
                // The last frame stands for one slot: its successor never came.
                FillUntil(encoder, held, heldSeconds + (1 / FramesPerSecond));
            }
        }
        finally
        {
            if (held is not null)
            {
                ArrayPool<byte>.Shared.Return(held);
            }

            // After a failure, frames still queued are dropped (the session ends on the next AddAsync).
            while (_frames.Reader.TryRead(out var left))
            {
                ArrayPool<byte>.Shared.Return(left.Pixels);
            }
        }
    }

    /// <summary>Writes the held frame into every slot that starts before <paramref name="seconds"/>.</summary>
    private void FillUntil(IVideoEncoder encoder, byte[] held, double seconds)
    {
        int slots = (int)Math.Ceiling((seconds * FramesPerSecond) - 1e-6);
        while (encoder.FramesWritten < slots)
        {
            encoder.Write(held.AsSpan(0, _width * _height * 3), _width * 3);
        }
    }
}
