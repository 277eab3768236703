using OpenCvSharp;
using ValgusVision.Video;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// An input's frames flipped left to right (issue 18 item 4): the person's left leg becomes the image's other leg, so a
/// measuring instrument must report the mirrored clip's right knee as the original's left. Flips in place, no copy.
/// </summary>
public sealed class MirroredFrameSource(IFrameSource inner) : IFrameSource
{
    private readonly IFrameSource _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public SourceInfo Info => _inner.Info;

    public IReadOnlyList<string> Warnings => _inner.Warnings;

    public bool EndedEarly => _inner.EndedEarly;

    public int FramesRead => _inner.FramesRead;

    public bool TryRead(VideoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!_inner.TryRead(frame))
        {
            return false;
        }

        Cv2.Flip(frame.Image, frame.Image, FlipMode.Y);
        return true;
    }

    public void Dispose() => _inner.Dispose();
}
