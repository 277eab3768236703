using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// What the lunge-test overlay shows for one frame: the front (tested) leg, its shank's angle from the vertical, the
/// floor tilt the angle was levelled by, heel lift, the attempt, and one line of trouble when there is no angle.
/// </summary>
/// <param name="AttemptNumber">1-based attempt of the front leg this frame belongs to; 0 between attempts.</param>
/// <param name="Message">A problem to show instead of an angle (filmed from the front, feet out of frame); null when none.</param>
/// <param name="Prompt">Live guidance shown along the bottom ("Right leg, attempt 2 of 3: …"); null offline.</param>
public readonly record struct ShankOverlayState(
    Side? FrontSide,
    double? InclinationDeg,
    double FloorTiltDeg,
    bool HeelLifted,
    int AttemptNumber,
    double CutOffDeg,
    string? Message,
    string? Prompt = null);
