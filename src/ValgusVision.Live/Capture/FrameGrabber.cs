using System.Diagnostics;
using ValgusVision.Video;

namespace ValgusVision.Live.Capture;

/// <summary>
/// Reads a source on its own thread into a <see cref="LatestFrameSlot"/>. A video file is played as if it were a
/// camera: each frame is released at its own time on the wall clock (real-time pacing), so a slow consumer sees
/// frames dropped exactly as with a live camera.
/// </summary>
public sealed class FrameGrabber : IDisposable
{
    private readonly IFrameSource source;
    private readonly LatestFrameSlot slot;
    private readonly bool pace;
    private readonly Thread thread;
    private volatile bool stopping;

    public FrameGrabber(IFrameSource source, LatestFrameSlot slot, bool realTimePacing)
    {
        this.source = source;
        this.slot = slot;
        pace = realTimePacing;
        thread = new Thread(Run) { IsBackground = true, Name = "valgus live capture" };
    }

    /// <summary>Why capture stopped before being asked to (camera unplugged, read error); null while running or after a normal end.</summary>
    public string? LostReason { get; private set; }

    /// <summary>The source ran out (end of a file played as a camera).</summary>
    public bool Ended { get; private set; }

    public void Start() => thread.Start();

    public void Stop()
    {
        stopping = true;
        if (thread.IsAlive)
        {
            thread.Join();
        }
    }

    public void Dispose() => Stop();

    private void Run()
    {
        var clock = Stopwatch.StartNew();
        double? firstTimestamp = null;
        try
        {
            while (!stopping)
            {
                if (!source.TryRead(slot.WriteBuffer))
                {
                    if (source.Info.Kind == SourceKind.Camera)
                    {
                        LostReason = $"camera '{source.Info.Name}' stopped delivering frames (unplugged or in use elsewhere)";
                    }
                    else
                    {
                        Ended = true;
                    }

                    break;
                }

                if (pace)
                {
                    double t = slot.WriteBuffer.TimestampSeconds;
                    firstTimestamp ??= t;
                    double wait = t - firstTimestamp.Value - clock.Elapsed.TotalSeconds;
                    if (wait > 0)
                    {
                        Thread.Sleep(TimeSpan.FromSeconds(wait));
                    }
                }

                slot.Publish(Stopwatch.GetTimestamp());
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or OpenCvSharp.OpenCVException)
        {
            LostReason = $"input '{source.Info.Name}': {e.Message}";
        }
        finally
        {
            slot.Close();
        }
    }
}
