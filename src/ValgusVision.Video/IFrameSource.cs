namespace ValgusVision.Video;

/// <summary>
/// Delivers an input's frames in order, as BGR, rotation-corrected, each with its real timestamp.
/// Not thread-safe: one reader at a time.
/// </summary>
public interface IFrameSource : IDisposable
{
    SourceInfo Info { get; }

    /// <summary>Problems met while reading that did not stop it (a truncated file, a stalled clock), in plain words.</summary>
    IReadOnlyList<string> Warnings { get; }

    /// <summary>True once reading stopped before the end the container announced (truncated or corrupt input).</summary>
    bool EndedEarly { get; }

    /// <summary>Frames delivered so far.</summary>
    int FramesRead { get; }

    /// <summary>Fills <paramref name="frame"/> with the next frame; false at the end of the input.</summary>
    bool TryRead(VideoFrame frame);
}
