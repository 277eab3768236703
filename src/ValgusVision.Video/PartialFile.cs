namespace ValgusVision.Video;

/// <summary>
/// The write-to-temp-then-rename convention every output follows: the temporary name sits in the same folder (so
/// the rename is atomic on one file system), is hidden, and keeps the real extension so tools infer the format.
/// </summary>
public static class PartialFile
{
    public static string TempPathFor(string outputPath)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        string name = Path.GetFileNameWithoutExtension(outputPath);
        return Path.Combine(directory, $".{name}.partial-{Environment.ProcessId}{Path.GetExtension(outputPath)}");
    }

    /// <summary>Moves a finished temporary file into place, replacing an older output.</summary>
    public static void Commit(string tempPath, string outputPath) => File.Move(tempPath, outputPath, overwrite: true);

    public static void Discard(string tempPath)
    {
        try
        {
            File.Delete(tempPath);
        }
        catch (IOException)
        {
            // Best effort on an error path: the original error matters more, and the name is hidden and unique.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
