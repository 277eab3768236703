using ValgusVision.Rendering.Reports;

namespace ValgusVision.Rendering.Tests.Fixtures;

/// <summary>A report written as report.pdf into a temporary folder, removed on dispose, for Poppler's tools to read.</summary>
internal sealed class WrittenPdf : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("vv-pdf-");

    public WrittenPdf(AnalysisReport report)
    {
        Path = System.IO.Path.Combine(_folder.FullName, "report.pdf");
        PdfReportWriter.WriteFile(report, Path);
    }

    public string Path { get; }

    /// <summary>A path in the same folder, for a tool's output.</summary>
    public string File(string name) => System.IO.Path.Combine(_folder.FullName, name);

    /// <summary>The PDF's text, by pdftotext with its layout kept; pages are split by form feeds.</summary>
    public string Text()
    {
        var (code, text) = Poppler.Run("pdftotext", "-layout", Path, "-");
        return code == 0 ? text : throw new InvalidOperationException("pdftotext failed: " + text);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
