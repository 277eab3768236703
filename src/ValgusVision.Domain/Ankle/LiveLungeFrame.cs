using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Ankle;

/// <summary>What the live lunge test knows after one frame (for the overlay and the guided prompts).</summary>
/// <param name="FrontSide">The leg in front (the tested one); null when unclear.</param>
/// <param name="InclinationDeg">Its shank's tibial inclination, levelled by the floor line once that is known.</param>
/// <param name="FloorTiltDeg">The correction applied (0 until the standing frames gave a trustworthy tilt).</param>
/// <param name="HeelLifted">The heel is up (heel and ankle risen beyond the threshold for enough frames).</param>
/// <param name="AttemptNumber">The front leg's attempt in progress (1-based); 0 between attempts.</param>
/// <param name="Ready">The front leg's standing reference is known (heel lift can be judged).</param>
/// <param name="Message">One line when the view cannot give an angle (filmed from the front, feet out of frame); else null.</param>
public readonly record struct LiveLungeFrame(
    Side? FrontSide,
    double? InclinationDeg,
    double FloorTiltDeg,
    bool HeelLifted,
    int AttemptNumber,
    bool Ready,
    string? Message);
