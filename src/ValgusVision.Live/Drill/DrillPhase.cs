namespace ValgusVision.Live.Drill;

/// <summary>Where a position-sense trial stands.</summary>
public enum DrillPhase
{
    /// <summary>Standing, waiting for the next squat. Feedback hidden.</summary>
    Standing,

    /// <summary>Going down, not yet still. Feedback hidden ("hold…").</summary>
    Descending,

    /// <summary>Still at the bottom; the hold timer runs. Feedback hidden.</summary>
    Holding,

    /// <summary>The hold lasted long enough: the true FPPA is shown until the person stands up.</summary>
    Revealed,

    /// <summary>All trials of both legs are done.</summary>
    Finished,
}
