namespace ValgusVision.Video;

/// <summary>
/// An output file could not be written (full disk, no permission, a failed encoder): a failure of the run, not of
/// its input, so a command stops (exit 1) instead of moving on to the next input, which would meet the same disk.
/// </summary>
public sealed class OutputWriteException(string outputPath, string message, Exception? inner) : IOException(message, inner)
{
    public string OutputPath { get; } = outputPath;
}
