namespace ValgusVision.Domain.Analysis;

/// <summary>How the feet stood during a squat-like rep filmed from the front.</summary>
public enum FeetStance
{
    /// <summary>Ankles not seen well enough in the rep's deep frames to tell.</summary>
    Unknown,

    /// <summary>One ankle moved with the hips: that foot was off the floor (a single-leg exercise).</summary>
    OneFootLifted,

    /// <summary>Both feet down, neither clearly ahead: a double-leg squat.</summary>
    SideBySide,

    /// <summary>Both feet down, one clearly ahead of the other: a lunge.</summary>
    Split,
}
