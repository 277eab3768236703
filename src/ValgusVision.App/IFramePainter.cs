using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>Draws onto the <paramref name="position"/>-th analysed frame, in place.</summary>
public interface IFramePainter : IDisposable
{
    void Paint(VideoFrame frame, int position);
}
