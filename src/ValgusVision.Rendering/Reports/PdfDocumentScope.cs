using SkiaSharp;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// Starts every PDF the tool writes (session report, drill, comparison, progress) the same way: the document
/// information a PDF reader shows (title, subject, tool, dates), pictures kept sharp enough to print, and SkiaSharp's
/// document over the caller's stream. Disposing closes the document before the stream, as SkiaSharp needs.
/// </summary>
internal sealed class PdfDocumentScope : IDisposable
{
    private readonly SKManagedWStream _stream;

    /// <param name="output">Where the PDF goes.</param>
    /// <param name="fileName">The file's name, for the one-line error should SkiaSharp refuse.</param>
    /// <param name="title">The document title (also the reader's window title).</param>
    /// <param name="subject">The recording it is about, if any.</param>
    /// <param name="toolVersion">The tool's version, recorded as the document's creator.</param>
    /// <param name="created">The report's time; creation and modification dates alike, so a rerun is comparable.</param>
    public PdfDocumentScope(Stream output, string fileName, string title, string? subject, string toolVersion, DateTimeOffset created)
    {
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Subject = subject,
            Creator = "ValgusVision " + toolVersion,
            Producer = "ValgusVision",
            Creation = created.UtcDateTime,
            Modified = created.UtcDateTime,
            RasterDpi = 300,
            EncodingQuality = 90,
        };
        _stream = new SKManagedWStream(output);
        Document = SKDocument.CreatePdf(_stream, metadata)
            ?? throw new InvalidOperationException($"{fileName}: SkiaSharp could not create a PDF document");
    }

    /// <summary>
    /// Writes a PDF file from managed code: SkiaSharp writes the document through native frames that an exception
    /// cannot cross, so a full disk during the write aborted the whole process (exit 134). The bytes are collected in
    /// memory first; a failure while writing the file is then an ordinary IOException for the caller's one-line error.
    /// </summary>
    public static void WriteFile(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        write(buffer);
        using var file = File.Create(path);
        buffer.Position = 0;
        buffer.CopyTo(file);
    }

    /// <summary>The document to lay pages on (through <see cref="PdfFlow"/>).</summary>
    public SKDocument Document { get; }

    public void Dispose()
    {
        Document.Dispose();
        _stream.Dispose();
    }
}
