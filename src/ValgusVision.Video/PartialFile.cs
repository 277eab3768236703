using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ValgusVision.Video;

/// <summary>
/// The write-to-temp-then-rename convention every output follows: the temporary name sits in the same folder (so
/// the rename is atomic on one file system), is hidden, names the writing process and keeps the real extension so
/// tools infer the format. A run killed outright (SIGKILL, a power cut) cannot remove its temporaries, so the first
/// temporary name asked for in a folder removes those whose writer is gone (<see cref="RemoveStale"/>).
/// </summary>
public static partial class PartialFile
{
    private static readonly ConcurrentDictionary<string, bool> s_swept = new(StringComparer.Ordinal);

    public static string TempPathFor(string outputPath)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        if (s_swept.TryAdd(directory, true))
        {
            RemoveStale(directory);
        }

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

    /// <summary>
    /// Deletes the temporaries in <paramref name="directory"/> left by processes that no longer write them: the process
    /// their name gives is not running, or started after the file was last written (its id was reused). A temporary of
    /// a live writer (a batch shard sharing the folder) is kept. Returns the files removed.
    /// </summary>
    public static IReadOnlyList<string> RemoveStale(string directory)
    {
        var removed = new List<string>();
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(directory, ".*.partial-*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return removed; // A folder we cannot list is reported when the output itself is written.
        }

        foreach (string path in candidates)
        {
            var match = TempName().Match(Path.GetFileName(path));
            if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                || pid == Environment.ProcessId || WriterIsRunning(pid, path))
            {
                continue;
            }

            try
            {
                File.Delete(path);
                removed.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for a later run; it is hidden and harms no finished output.
            }
        }

        return removed;
    }

    private static bool WriterIsRunning(int pid, string path)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime() <= File.GetLastWriteTimeUtc(path);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false; // No such process (or it ended while we looked).
        }
    }

    [GeneratedRegex(@"^\..+\.partial-([0-9]+)(\.[^.]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();
}
