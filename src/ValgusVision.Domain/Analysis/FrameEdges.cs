using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Whether a landmark lies inside the picture, away from its edge (<see cref="AnalysisSettings.FrameEdgeMargin"/>): a
/// joint outside or on the edge is one the model could not see and only extrapolated.
/// </summary>
public static class FrameEdges
{
    /// <summary>Outside the picture or within the margin of its edge; false for a non-finite position or a picture of unknown size.</summary>
    public static bool Outside(PoseFrame frame, BodyLandmark landmark, double margin)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var l = frame[landmark];
        if (!float.IsFinite(l.X) || !float.IsFinite(l.Y) || frame.ImageWidth <= 0 || frame.ImageHeight <= 0)
        {
            return false;
        }

        double mx = margin * frame.ImageWidth, my = margin * frame.ImageHeight;
        return l.X < mx || l.X > frame.ImageWidth - mx || l.Y < my || l.Y > frame.ImageHeight - my;
    }

    /// <summary>Above the visibility gate, finite and inside the picture.</summary>
    public static bool Sees(PoseFrame frame, BodyLandmark landmark, AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var l = frame[landmark];
        return l.Visibility >= settings.VisibilityGate && float.IsFinite(l.X) && float.IsFinite(l.Y) && !Outside(frame, landmark, settings.FrameEdgeMargin);
    }
}
