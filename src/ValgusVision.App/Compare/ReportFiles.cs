namespace ValgusVision.App.Compare;

/// <summary>
/// Finds the report.json files named on a command line: a file as given, a folder for every <c>*.report.json</c>
/// (and a live session's plain <c>report.json</c>) inside it, sub-folders included. Hidden files are skipped: they
/// are half-written outputs of an interrupted run (AtomicOutput), never a finished report.
/// </summary>
public static class ReportFiles
{
    /// <exception cref="FileNotFoundException">A path that is neither a file nor a folder.</exception>
    public static IReadOnlyList<string> In(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file or folder", path);
        }

        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(IsReport)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The one report in <paramref name="path"/> (a file, or a folder holding exactly one).</summary>
    /// <exception cref="FileNotFoundException">Missing, or a folder without a report.</exception>
    /// <exception cref="InvalidDataException">A folder with several reports (which one is meant cannot be told).</exception>
    public static string One(string path)
    {
        var found = In(path);
        return found.Count switch
        {
            1 => found[0],
            0 => throw new FileNotFoundException($"{path}: no report.json in this folder", path),
            _ => throw new InvalidDataException($"{path}: {found.Count} report.json files in this folder; name the one to compare"),
        };
    }

    private static bool IsReport(string file)
    {
        string name = Path.GetFileName(file);
        return !name.StartsWith('.') && (name == "report.json" || name.EndsWith(".report.json", StringComparison.Ordinal));
    }
}
