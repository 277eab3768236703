using ValgusVision.Domain.Compare;
using ValgusVision.Rendering.Reports;

namespace ValgusVision.App.Compare;

/// <summary>
/// Writes the comparison's and the progress report's files into a folder, each through a temporary name
/// (<see cref="AtomicOutput"/>), so a failure never leaves a half-written report where a finished one is expected.
/// </summary>
public static class CompareExports
{
    /// <summary>compare.html, compare.json and compare.pdf; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(LeftRightComparison comparison, string folder, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        string version = ReportExports.ToolVersion;
        return Write(
            folder,
            "compare",
            path => CompareHtmlWriter.WriteFile(comparison, version, path),
            path => CompareJsonWriter.WriteFile(comparison, version, created, path),
            path => ComparePdfWriter.WriteFile(comparison, version, created, path));
    }

    /// <summary>progress.html, progress.json and progress.pdf; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(ProgressReport progress, string folder, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(progress);
        string version = ReportExports.ToolVersion;
        return Write(
            folder,
            "progress",
            path => ProgressHtmlWriter.WriteFile(progress, version, path),
            path => ProgressJsonWriter.WriteFile(progress, version, created, path),
            path => ProgressPdfWriter.WriteFile(progress, version, created, path));
    }

    private static IReadOnlyList<string> Write(string folder, string name, Action<string> html, Action<string> json, Action<string> pdf)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>(3);
        foreach (var (extension, writer) in new[] { (".html", html), (".json", json), (".pdf", pdf) })
        {
            string path = Path.Combine(folder, name + extension);
            AtomicOutput.Write(path, writer);
            written.Add(path);
        }

        return written;
    }
}
