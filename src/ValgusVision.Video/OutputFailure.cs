namespace ValgusVision.Video;

/// <summary>
/// The one-line error for an output that could not be written: it names the file the user asked for (never the hidden
/// temporary) and says "the disk is full" when that is the cause, whichever writer (.NET, ffmpeg, a native library) met it.
/// </summary>
public static class OutputFailure
{
    public static OutputWriteException For(string outputPath, string? tempPath, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return new OutputWriteException(outputPath, $"{outputPath}: cannot be written: {Reason(cause.Message, tempPath, IsDiskFull(cause))}", cause);
    }

    public static OutputWriteException For(string outputPath, string? tempPath, string detail) =>
        new(outputPath, $"{outputPath}: cannot be written: {Reason(detail, tempPath, false)}", null);

    /// <summary>ENOSPC as .NET reports it: errno 28 on Unix, ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.</summary>
    public static bool IsDiskFull(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        bool code = OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 112 or 39 : e.HResult == 28;
        return (e is IOException && code) || MentionsDiskFull(e.Message);
    }

    private static bool MentionsDiskFull(string text) =>
        text.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
        || text.Contains("disk was full", StringComparison.OrdinalIgnoreCase)
        || text.Contains("disk is full", StringComparison.OrdinalIgnoreCase);

    private static string Reason(string detail, string? tempPath, bool diskFull)
    {
        if (diskFull || MentionsDiskFull(detail))
        {
            return "the disk is full (no space left on device)";
        }

        string text = detail.ReplaceLineEndings(" ").Trim();
        if (tempPath is not null)
        {
            text = text.Replace($" : '{tempPath}'", "", StringComparison.Ordinal).Replace(tempPath, Path.GetFileName(tempPath), StringComparison.Ordinal);
        }

        return text.Length == 0 ? "unknown error" : text;
    }
}
