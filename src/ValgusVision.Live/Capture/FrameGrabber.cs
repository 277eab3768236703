using System.Diagnostics;
using ValgusVision.Video;

namespace ValgusVision.Live.Capture;

/// <summary>
/// Reads a source on its own thread into a <see cref="LatestFrameSlot"/>. A video file is played as if it were a
/// camera: each frame is released at its own time on the wall clock (real-time pacing), so a slow consumer sees
/// frames dropped exactly as with a live camera.
/// <para>
/// A lost source is told apart from a normal end: a camera whose read fails or throws (unplugged: V4L2 reports
/// ENODEV), a read that does not return within <see cref="StallLimit"/> (a hung driver or a frozen stream), or a file
/// that ends before the frame count its container announced (truncated, or cut off while being copied).
/// </para>
/// </summary>
public sealed class FrameGrabber : IDisposable
{
    /// <summary>How long one read may take before the camera counts as lost; webcams deliver at ≥ 5 fps even in the dark.</summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(3);

    /// <summary>The first frame may take longer: a webcam switches on, sets its exposure, a stream connects.</summary>
    public static readonly TimeSpan FirstFrameLimit = TimeSpan.FromSeconds(10);

    private readonly IFrameSource _source;
    private readonly LatestFrameSlot _slot;
    private readonly bool _pace;
    private readonly Thread _thread;
    private readonly object _lostGate = new();
    private volatile bool _stopping;
    private volatile bool _delivered;
    private long _readStartedTicks;
    private string? _lostReason;

    public FrameGrabber(IFrameSource source, LatestFrameSlot slot, bool realTimePacing)
    {
        _source = source;
        _slot = slot;
        _pace = realTimePacing;
        _thread = new Thread(Run) { IsBackground = true, Name = "valgus live capture" };
    }

    /// <summary>Why capture stopped before being asked to (camera unplugged, read error, stalled, truncated file); null while running or after a normal end.</summary>
    public string? LostReason
    {
        get
        {
            lock (_lostGate)
            {
                return _lostReason;
            }
        }
    }

    /// <summary>The source ran out (end of a file played as a camera).</summary>
    public bool Ended { get; private set; }

    public void Start() => _thread.Start();

    /// <summary>
    /// Asks the thread to stop and waits up to <paramref name="timeout"/> (forever when null). False when it is still
    /// stuck inside the source's read (a hung driver): the source and the slot must then be left alone, not disposed.
    /// </summary>
    public bool Stop(TimeSpan? timeout = null)
    {
        _stopping = true;
        if (!_thread.IsAlive)
        {
            return true;
        }

        if (timeout is { } limit)
        {
            return _thread.Join(limit);
        }

        _thread.Join();
        return true;
    }

    public void Dispose() => Stop();

    /// <summary>
    /// Called by the consumer while it waits for frames: true (and <see cref="LostReason"/> set) once the current read
    /// has taken longer than the limit, i.e. the camera stopped delivering without reporting an error.
    /// </summary>
    public bool CheckStalled(long nowTicks)
    {
        long started = Interlocked.Read(ref _readStartedTicks);
        if (started == 0)
        {
            return false;
        }

        var limit = _delivered ? StallLimit : FirstFrameLimit;
        if (Stopwatch.GetElapsedTime(started, nowTicks) < limit)
        {
            return false;
        }

        SetLost($"camera '{_source.Info.Name}' delivered no frame for {limit.TotalSeconds:0} s (unplugged, or its driver hung)");
        return true;
    }

    private void Run()
    {
        var clock = Stopwatch.StartNew();
        double? firstTimestamp = null;
        try
        {
            while (!_stopping)
            {
                Interlocked.Exchange(ref _readStartedTicks, Stopwatch.GetTimestamp());
                bool read = _source.TryRead(_slot.WriteBuffer);
                Interlocked.Exchange(ref _readStartedTicks, 0);
                if (!read)
                {
                    if (_source.Info.Kind == SourceKind.Camera)
                    {
                        SetLost($"camera '{_source.Info.Name}' stopped delivering frames (unplugged or in use elsewhere)");
                    }
                    else if (_source.EndedEarly)
                    {
                        SetLost($"input '{_source.Info.Name}' ended after {_source.FramesRead} of {_source.Info.FrameCount} frames (truncated or corrupt)");
                    }
                    else
                    {
                        Ended = true;
                    }

                    break;
                }

                if (_pace)
                {
                    double t = _slot.WriteBuffer.TimestampSeconds;
                    firstTimestamp ??= t;
                    double wait = t - firstTimestamp.Value - clock.Elapsed.TotalSeconds;
                    if (wait > 0)
                    {
                        Thread.Sleep(TimeSpan.FromSeconds(wait));
                    }
                }

                _delivered = true;
                _slot.Publish(Stopwatch.GetTimestamp());
            }
        }
        catch (Exception e)
        {
            // Whatever a driver or decoder throws on this thread would otherwise take the process down with the
            // recording: a failing source is a lost camera, reported, and the session ends cleanly.
            SetLost($"input '{_source.Info.Name}': {e.Message}");
        }
        finally
        {
            _slot.Close();
        }
    }

    /// <summary>The first reason wins: a stall noticed by the consumer is not overwritten by the read failing later.</summary>
    private void SetLost(string reason)
    {
        lock (_lostGate)
        {
            _lostReason ??= reason;
        }
    }
}
