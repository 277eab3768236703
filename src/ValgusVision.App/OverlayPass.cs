using System.Diagnostics;
using System.Threading.Channels;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// Pass 2: decode → draw → encode as three overlapped stages with bounded queues, frames kept in order (one
/// thread per stage, FIFO channels). The encoder is ffmpeg in its own process, so on two cores the stages spread over
/// both. The output appears only when every frame was written (see <see cref="IVideoEncoder"/>). Without an encoder
/// (reports without video) only the reps' bottom frames are drawn, for <see cref="RepSnapshots"/>, and decoding stops
/// after the last one.
/// </summary>
public static class OverlayPass
{
    private const int FramesInFlight = 6;

    /// <returns>Wall-clock seconds the pass took.</returns>
    public static async Task<double> RunAsync(
        IFrameSource source,
        TimeRange range,
        int expectedFrames,
        IFramePainter painter,
        IVideoEncoder? encoder,
        RepSnapshots? snapshots,
        StageTimes times,
        Action<int>? framesDone,
        CancellationToken cancellation)
    {
        using var pool = new FramePool(FramesInFlight);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var options = new BoundedChannelOptions(FramesInFlight / 2) { SingleReader = true, SingleWriter = true };
        var decoded = Channel.CreateBounded<VideoFrame>(options);
        var painted = Channel.CreateBounded<VideoFrame>(options);
        var paintClock = times.For("draw");
        var encodeClock = times.For("encode");
        var wall = Stopwatch.StartNew();
        var decoder = DecodeStage.Start(source, range, pool, decoded.Writer, times.For("decode (pass 2)"), stop.Token);
        int drawn = 0;
        var drawer = Task.Run(
            async () =>
            {
                try
                {
                    int position = 0;
                    await foreach (var frame in decoded.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                    {
                        int here = position++;
                        bool snapshot = snapshots?.Wants(here) == true;
                        if (here >= expectedFrames || (encoder is null && !snapshot))
                        {
                            // Beyond pass 1's frames (cannot normally happen: both passes decode the same file), or
                            // a frame only the video would show.
                            pool.Return(frame);
                            if (encoder is null && here >= (snapshots?.LastPosition ?? -1))
                            {
                                break;
                            }

                            continue;
                        }

                        long t = StageTimes.Slot.Start();
                        painter.Paint(frame, here);
                        if (snapshot)
                        {
                            snapshots!.Offer(frame, here);
                        }

                        paintClock.Stop(t);
                        drawn++;
                        if (encoder is null)
                        {
                            pool.Return(frame);
                            continue;
                        }

                        await painted.Writer.WriteAsync(frame, stop.Token).ConfigureAwait(false);
                    }

                    painted.Writer.Complete();
                }
                catch (Exception e)
                {
                    painted.Writer.Complete(e);
                }
            },
            CancellationToken.None);

        try
        {
            int written = 0;
            await foreach (var frame in painted.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                long t = StageTimes.Slot.Start();
                encoder!.Write(frame.Pixels.Span, frame.StrideBytes);
                encodeClock.Stop(t);
                pool.Return(frame);
                written++;
                framesDone?.Invoke(written); // not "?.Invoke(++written)": a null delegate would skip the increment
            }

            if (encoder is null)
            {
                return wall.Elapsed.TotalSeconds;
            }

            if (written != expectedFrames)
            {
                // Checked before Complete, so a video of the wrong length never replaces the output.
                int decodedCount = decoder.IsCompletedSuccessfully ? decoder.Result : -1;
                throw new InvalidDataException(
                    $"input '{source.Info.Name}': the second reading gave {written} frames (decoded {decodedCount}, drawn {drawn}), the first {expectedFrames}; the overlay video was not kept");
            }

            long tc = StageTimes.Slot.Start();
            encoder!.Complete();
            encodeClock.Stop(tc);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Quietly(decoder).ConfigureAwait(false);
            await Quietly(drawer).ConfigureAwait(false);
        }

        return wall.Elapsed.TotalSeconds;
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
