using ValgusVision.Video;

namespace ValgusVision.Live.Capture;

/// <summary>
/// Hands the newest captured frame to the processing thread and never queues: three buffers rotate — the one the
/// grabber decodes into, the newest published one, and the one being processed. Publishing over a frame nobody took
/// drops it (counted), so the processing thread always starts on the freshest image and latency cannot pile up.
/// </summary>
public sealed class LatestFrameSlot : IDisposable
{
    private readonly object _gate = new();
    private VideoFrame _writing = new();
    private VideoFrame _ready = new();
    private VideoFrame _reading = new();
    private long _readyCaptureTicks;
    private bool _hasReady;
    private bool _closed;

    /// <summary>The buffer the grabber fills next (owned by the grabber thread until <see cref="Publish"/>).</summary>
    public VideoFrame WriteBuffer => _writing;

    /// <summary>Frames published but overwritten before the processing thread took them.</summary>
    public int Dropped { get; private set; }

    public int Published { get; private set; }

    /// <summary>Makes the write buffer the newest frame, captured at <paramref name="captureTicks"/> (Stopwatch ticks).</summary>
    public void Publish(long captureTicks)
    {
        lock (_gate)
        {
            (_writing, _ready) = (_ready, _writing);
            if (_hasReady)
            {
                Dropped++;
            }

            _hasReady = true;
            _readyCaptureTicks = captureTicks;
            Published++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>No more frames will come: wakes a waiting <see cref="TryTake"/>.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> for a frame newer than the last one taken. The returned buffer belongs to
    /// the caller until the next call. False on timeout, or when the slot is closed and empty.
    /// </summary>
    public bool TryTake(int timeoutMs, out VideoFrame frame, out long captureTicks)
    {
        lock (_gate)
        {
            if (!_hasReady && !_closed)
            {
                Monitor.Wait(_gate, timeoutMs);
            }

            if (!_hasReady)
            {
                frame = _reading;
                captureTicks = 0;
                return false;
            }

            (_ready, _reading) = (_reading, _ready);
            _hasReady = false;
            frame = _reading;
            captureTicks = _readyCaptureTicks;
            return true;
        }
    }

    /// <summary>True once closed and the last frame was taken.</summary>
    public bool Drained
    {
        get
        {
            lock (_gate)
            {
                return _closed && !_hasReady;
            }
        }
    }

    public void Dispose()
    {
        _writing.Dispose();
        _ready.Dispose();
        _reading.Dispose();
    }
}
