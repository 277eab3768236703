namespace ValgusVision.Live.Session;

/// <summary>What a live session is for.</summary>
public enum LiveMode
{
    /// <summary>Free training with feedback; space starts and stops sets.</summary>
    Free,

    /// <summary>The program's guided protocol (hip hitch, hinge, squat sets with timers and summaries).</summary>
    Guided,

    /// <summary>The knee position-sense drill: feedback hidden during holds, then revealed.</summary>
    Drill,
}
