using System.Threading.Channels;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// A fixed set of frame buffers passed from stage to stage and back. Its size bounds the memory in flight
/// (a 720p frame is 2.7 MB) and makes the decoder wait when the slowest stage falls behind, so the pipeline never
/// allocates a frame after start-up.
/// </summary>
public sealed class FramePool : IDisposable
{
    private readonly VideoFrame[] _frames;
    private readonly Channel<VideoFrame> _free;

    public FramePool(int size)
    {
        _frames = new VideoFrame[size];
        _free = Channel.CreateBounded<VideoFrame>(size);
        for (int i = 0; i < size; i++)
        {
            _frames[i] = new VideoFrame();
            _free.Writer.TryWrite(_frames[i]);
        }
    }

    public ValueTask<VideoFrame> RentAsync(CancellationToken cancellation) => _free.Reader.ReadAsync(cancellation);

    public void Return(VideoFrame frame) => _free.Writer.TryWrite(frame);

    public void Dispose()
    {
        foreach (var frame in _frames)
        {
            frame.Dispose();
        }
    }
}
