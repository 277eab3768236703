using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// Writes a report file through a temporary name and renames it into place only when the writer finished, so an
/// error, a full disk or Ctrl+C never leaves a half-written CSV/JSON/HTML/PDF where a finished one is expected, and
/// an older finished file stays as it was. A failure is one <see cref="IOException"/> naming the output
/// (<see cref="OutputFailure"/>).
/// </summary>
public static class AtomicOutput
{
    public static void Write(string outputPath, Action<string> writeTo)
    {
        ArgumentNullException.ThrowIfNull(writeTo);
        string temp = PartialFile.TempPathFor(outputPath);
        try
        {
            writeTo(temp);
            if (!File.Exists(temp))
            {
                throw OutputFailure.For(outputPath, temp, "the writer produced no file");
            }

            PartialFile.Commit(temp, outputPath);
        }
        catch (Exception e) when (e is (IOException and not OutputWriteException) or UnauthorizedAccessException)
        {
            PartialFile.Discard(temp);
            throw OutputFailure.For(outputPath, temp, e);
        }
        catch
        {
            PartialFile.Discard(temp);
            throw;
        }
    }

    public static void WriteText(string outputPath, Action<TextWriter> write) =>
        Write(outputPath, temp =>
        {
            using var writer = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(false));
            write(writer);
        });

    /// <summary>A writer of bytes to a stream, written straight to the temporary file.</summary>
    public static void WriteStream(string outputPath, Action<Stream> write) =>
        Write(outputPath, temp =>
        {
            using var stream = File.Create(temp);
            write(stream);
        });

    /// <summary>
    /// For writers whose stream is written from native code (SkiaSharp's PDF document calls back into the stream): an
    /// exception cannot pass through the native frames, so a full disk there aborted the whole process (exit 134). The
    /// bytes are collected in memory and written to the file from managed code, where a failure is an ordinary error.
    /// </summary>
    public static void WriteBuffered(string outputPath, Action<Stream> write) =>
        Write(outputPath, temp =>
        {
            using var buffer = new MemoryStream();
            write(buffer);
            using var file = File.Create(temp);
            buffer.Position = 0;
            buffer.CopyTo(file);
        });
}
