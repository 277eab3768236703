using System.Threading.Channels;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// The first stage of both passes: decodes the frames of <see cref="TimeRange"/> into pooled buffers and hands them
/// on in order. Frames before the range are decoded into the same buffer and dropped (seeking by time is not exact
/// in every container, and the passes must see identical frames).
/// </summary>
public static class DecodeStage
{
    /// <returns>The number of frames handed on.</returns>
    public static Task<int> Start(
        IFrameSource source, TimeRange range, FramePool pool, ChannelWriter<VideoFrame> output, StageTimes.Slot clock, CancellationToken cancellation) =>
        Task.Run(
            async () =>
            {
                int handedOn = 0;
                try
                {
                    while (true)
                    {
                        var frame = await pool.RentAsync(cancellation).ConfigureAwait(false);
                        bool got;
                        do
                        {
                            cancellation.ThrowIfCancellationRequested();
                            long t = StageTimes.Slot.Start();
                            got = source.TryRead(frame);
                            clock.Stop(t);
                        }
                        while (got && range.IsBefore(frame.TimestampSeconds));

                        if (!got || range.IsAfter(frame.TimestampSeconds))
                        {
                            pool.Return(frame);
                            break;
                        }

                        await output.WriteAsync(frame, cancellation).ConfigureAwait(false);
                        handedOn++;
                    }

                    output.Complete();
                }
                catch (Exception e)
                {
                    output.Complete(e);
                }

                return handedOn;
            },
            CancellationToken.None);
}
