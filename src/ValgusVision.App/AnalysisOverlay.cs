using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// Connects the analysis to the overlay painter (the rendering project's <see cref="OverlaySession"/> holds the
/// per-frame states, precomputed, so <see cref="Paint"/> only looks up and draws).
/// </summary>
public sealed class AnalysisOverlay : IFramePainter
{
    private readonly OverlayPainter? _painter;
    private readonly OverlaySession? _session;
    private readonly ShankOverlayPainter? _shankPainter;
    private readonly ShankOverlaySession? _shankSession;
    private readonly IReadOnlyList<PoseFrame> _poses;

    /// <param name="setupEvaluated">The pose model and levers are the evaluated defaults (<see cref="ExpectedFppaAccuracy.IsEvaluated"/>): else nothing is drawn red.</param>
    public AnalysisOverlay(SessionAnalysis analysis, IReadOnlyList<PoseFrame> poses, int width, int height, bool setupEvaluated = true)
    {
        if (analysis.Frames.Length != poses.Count)
        {
            throw new ArgumentException($"overlay: {poses.Count} poses but {analysis.Frames.Length} analysed frames", nameof(poses));
        }

        _poses = poses;
        if (analysis.Ankle is { } ankle)
        {
            // A side-view lunge: the shank and its angle, not the knee's frontal-plane numbers.
            _shankSession = ShankOverlaySession.From(ankle);
            _shankPainter = new ShankOverlayPainter(width, height, (float)analysis.Settings.VisibilityGate);
        }
        else
        {
            _session = OverlaySession.From(analysis, setupEvaluated);
            _painter = new OverlayPainter(width, height, _session.Timeline);
        }
    }

    public void Paint(VideoFrame frame, int position)
    {
        if (_shankPainter is not null)
        {
            _shankPainter.Paint(frame.Pixels.Span, frame.StrideBytes, PixelFormat.Bgr24, _poses[position], _shankSession!.StateAt(position));
        }
        else
        {
            _painter!.Paint(frame.Pixels.Span, frame.StrideBytes, PixelFormat.Bgr24, _poses[position], _session!.StateAt(position));
        }
    }

    public void Dispose()
    {
        _painter?.Dispose();
        _shankPainter?.Dispose();
    }
}
