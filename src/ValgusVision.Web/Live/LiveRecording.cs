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

    private readonly ClinicServices _clinic;
    private readonly long _clientId;
    private readonly bool _screen;
    private readonly string _exercise;
    private IVideoEncoder? _encoder;
    private byte[] _held = [];
    private double _heldTime;
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

    /// <summary>Appends a frame taken at <paramref name="frame"/>'s timestamp (seconds from the session's first frame).</summary>
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

        if (Received > 0)
        {
            FillUntil(frame.TimestampSeconds);
        }

        // Held until the next frame says how long it was on screen.
        frame.Pixels.Span.CopyTo(_held);
        _heldTime = frame.TimestampSeconds;
        Received++;
    }

    /// <summary>
    /// Ends the recording: the last frame written, the video completed, the session queued for analysis. Returns the
    /// session, or null when no frame came (nothing was stored).
    /// </summary>
    public async Task<Session?> FinishAsync()
    {
        if (Session is not { } session || _encoder is null)
        {
            return null;
        }

        try
        {
            // The last frame stands for one slot: its successor never came.
            FillUntil(_heldTime + (1 / FramesPerSecond));
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

    public void Dispose() => _encoder?.Dispose();

    private async Task OpenAsync(int width, int height, CancellationToken cancellation)
    {
        _width = width;
        _height = height;
        _held = new byte[width * height * 3];
        var session = await _clinic.Store.CreateSessionAsync(
            _clientId, DateOnly.FromDateTime(DateTime.Now), _screen, SessionSource.Live, SessionState.Running, _exercise, InputFile, cancellation);
        Directory.CreateDirectory(_clinic.Data.SessionFolder(session));
        _encoder = VideoEncoders.CreateCrashSafe(_clinic.Data.Input(session), width, height, FramesPerSecond, PixelFormat.Bgr24, VideoEncoders.FindFfmpeg());
        Session = session;
    }

    /// <summary>Writes the held frame into every slot that starts before <paramref name="seconds"/>.</summary>
    private void FillUntil(double seconds)
    {
        int slots = (int)Math.Ceiling((seconds * FramesPerSecond) - 1e-6);
        while (_encoder!.FramesWritten < slots)
        {
            _encoder.Write(_held, _width * 3);
        }
    }
}
