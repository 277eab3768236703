namespace ValgusVision.Live.Session;

/// <summary>Why a live session ended.</summary>
public enum LiveEndReason
{
    /// <summary>Q or Esc.</summary>
    Quit,

    /// <summary>The window was closed.</summary>
    WindowClosed,

    /// <summary>Ctrl+C (or the caller's cancellation).</summary>
    Interrupted,

    /// <summary>A file played as a camera reached its end.</summary>
    EndOfInput,

    /// <summary>The time limit was reached.</summary>
    TimeLimit,

    /// <summary>The camera stopped delivering frames (or a file played as one ended before its announced end).</summary>
    CameraLost,

    /// <summary>The recording could not be written any more (ffmpeg died, the disk is full).</summary>
    RecordingFailed,

    /// <summary>An error inside the session (the model, the window); what was recorded is still finished and reported.</summary>
    Failed,
}
