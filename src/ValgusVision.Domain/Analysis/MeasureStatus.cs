namespace ValgusVision.Domain.Analysis;

/// <summary>Why a frame's knee angle is or is not reported (the renderer greys out anything but <see cref="Measured"/>).</summary>
public enum MeasureStatus
{
    Measured,

    /// <summary>No person in the frame.</summary>
    NoPose,

    /// <summary>A landmark the angle needs is below the visibility gate.</summary>
    LowVisibility,

    /// <summary>Thigh or shank points at or away from the camera (shorter than the foreshortening limit).</summary>
    Foreshortened,

    /// <summary>Landmarks coincide or the other hip lies on the hip–ankle line: medial cannot be told.</summary>
    Degenerate,

    /// <summary>
    /// The hip, knee or ankle lies outside the picture or on its edge (the leg is cut by the frame): the model only
    /// guesses where it is. Checked before visibility, because it says what the user can fix.
    /// </summary>
    OutOfFrame,

    /// <summary>The landmarks describe a knee no knee makes (<see cref="ImplausibleReason"/> says which rule fired).</summary>
    Implausible,

    /// <summary>No pose: the person found was too far from the locked subject to be it (the engine does not switch people).</summary>
    SubjectLost,
}
