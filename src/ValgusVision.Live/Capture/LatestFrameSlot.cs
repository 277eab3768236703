using ValgusVision.Video;

namespace ValgusVision.Live.Capture;

/// <summary>
/// Hands the newest captured frame to the processing thread and never queues: three buffers rotate — the one the
/// grabber decodes into, the newest published one, and the one being processed. Publishing over a frame nobody took
/// drops it (counted), so the processing thread always starts on the freshest image and latency cannot pile up.
/// </summary>
public sealed class LatestFrameSlot : IDisposable
{
    private readonly object gate = new();
    private VideoFrame writing = new();
    private VideoFrame ready = new();
    private VideoFrame reading = new();
    private long readyCaptureTicks;
    private bool hasReady;
    private bool closed;

    /// <summary>The buffer the grabber fills next (owned by the grabber thread until <see cref="Publish"/>).</summary>
    public VideoFrame WriteBuffer => writing;

    /// <summary>Frames published but overwritten before the processing thread took them.</summary>
    public int Dropped { get; private set; }

    public int Published { get; private set; }

    /// <summary>Makes the write buffer the newest frame, captured at <paramref name="captureTicks"/> (Stopwatch ticks).</summary>
    public void Publish(long captureTicks)
    {
        lock (gate)
        {
            (writing, ready) = (ready, writing);
            if (hasReady)
            {
                Dropped++;
            }

            hasReady = true;
            readyCaptureTicks = captureTicks;
            Published++;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>No more frames will come: wakes a waiting <see cref="TryTake"/>.</summary>
    public void Close()
    {
        lock (gate)
        {
            closed = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> for a frame newer than the last one taken. The returned buffer belongs to
    /// the caller until the next call. False on timeout, or when the slot is closed and empty.
    /// </summary>
    public bool TryTake(int timeoutMs, out VideoFrame frame, out long captureTicks)
    {
        lock (gate)
        {
            if (!hasReady && !closed)
            {
                Monitor.Wait(gate, timeoutMs);
            }

            if (!hasReady)
            {
                frame = reading;
                captureTicks = 0;
                return false;
            }

            (ready, reading) = (reading, ready);
            hasReady = false;
            frame = reading;
            captureTicks = readyCaptureTicks;
            return true;
        }
    }

    /// <summary>True once closed and the last frame was taken.</summary>
    public bool Drained
    {
        get
        {
            lock (gate)
            {
                return closed && !hasReady;
            }
        }
    }

    public void Dispose()
    {
        writing.Dispose();
        ready.Dispose();
        reading.Dispose();
    }
}
