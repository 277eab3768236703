using SkiaSharp;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Overlay;

/// <summary>A pose's landmarks scaled to the canvas the overlay draws on, with the visibility gate applied.</summary>
internal readonly ref struct PoseView
{
    private readonly PoseFrame _pose;
    private readonly float _scaleX;
    private readonly float _scaleY;
    private readonly float _gate;

    public PoseView(PoseFrame pose, float scaleX, float scaleY, float gate)
    {
        _pose = pose;
        _scaleX = scaleX;
        _scaleY = scaleY;
        _gate = gate;
    }

    public SKPoint Point(BodyLandmark landmark)
    {
        var l = _pose[landmark];
        return new SKPoint(l.X * _scaleX, l.Y * _scaleY);
    }

    public bool Visible(BodyLandmark landmark) => _pose[landmark].Visibility >= _gate;
}
