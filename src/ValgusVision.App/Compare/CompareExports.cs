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
        Directory.CreateDirectory(folder);
        string html = Path.Combine(folder, "compare.html"), json = Path.Combine(folder, "compare.json"), pdf = Path.Combine(folder, "compare.pdf");
        AtomicOutput.Write(html, temp => CompareHtmlWriter.WriteFile(comparison, ReportExports.ToolVersion, temp));
        AtomicOutput.Write(json, temp => CompareJsonWriter.WriteFile(comparison, ReportExports.ToolVersion, created, temp));
        AtomicOutput.Write(pdf, temp => ComparePdfWriter.WriteFile(comparison, ReportExports.ToolVersion, created, temp));
        return [html, json, pdf];
    }

    /// <summary>progress.html, progress.json and progress.pdf; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(ProgressReport progress, string folder, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(progress);
        Directory.CreateDirectory(folder);
        string html = Path.Combine(folder, "progress.html"), json = Path.Combine(folder, "progress.json"), pdf = Path.Combine(folder, "progress.pdf");
        AtomicOutput.Write(html, temp => ProgressHtmlWriter.WriteFile(progress, ReportExports.ToolVersion, temp));
        AtomicOutput.Write(json, temp => ProgressJsonWriter.WriteFile(progress, ReportExports.ToolVersion, created, temp));
        AtomicOutput.Write(pdf, temp => ProgressPdfWriter.WriteFile(progress, ReportExports.ToolVersion, created, temp));
        return [html, json, pdf];
    }
}
