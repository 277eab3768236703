namespace ValgusVision.Live.Protocol;

/// <summary>Where the guided protocol stands.</summary>
public enum ProtocolPhase
{
    /// <summary>Showing the next set (and a side-switch prompt when the leg changes); space starts it.</summary>
    Ready,

    /// <summary>The set is running: its timer, or its reps and hold timer.</summary>
    Active,

    /// <summary>The set is over and its summary is shown; space goes on to the next set.</summary>
    Summary,

    /// <summary>Every set is done.</summary>
    Done,
}
