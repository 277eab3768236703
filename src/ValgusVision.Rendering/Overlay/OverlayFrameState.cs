namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// What the overlay shows for one frame besides the pose: the frame's metrics (null = undefined, drawn grey with
/// "—") and where the frame sits among the session's reps and valgus events.
/// </summary>
/// <param name="RepNumber">1-based number of the rep this frame belongs to; 0 outside any rep.</param>
/// <param name="RepsCompleted">Reps that ended before this frame.</param>
/// <param name="Trusted">
/// The frame's FPPA may be coloured against the limit (<see cref="Domain.Analysis.MeasurementTrust.OfFrame"/>); when
/// false it is drawn grey and no valgus banner is shown.
/// </param>
public readonly record struct OverlayFrameState(
    double TimeSeconds,
    StanceLeg? Stance,
    double? FppaDegrees,
    double? HipShiftPercentOfLeg,
    double? PelvicDropDegrees,
    int RepNumber,
    int RepsCompleted,
    bool InValgusEvent,
    bool Trusted = true);
