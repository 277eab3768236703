using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// Writes a report file through a temporary name and renames it into place only when the writer finished, so an
/// error or Ctrl+C never leaves a half-written CSV/JSON/HTML/PDF where a finished one is expected.
/// </summary>
public static class AtomicOutput
{
    public static void Write(string outputPath, Action<string> writeTo)
    {
        string temp = PartialFile.TempPathFor(outputPath);
        try
        {
            writeTo(temp);
            if (!File.Exists(temp))
            {
                throw new IOException($"{outputPath}: the writer produced no file");
            }

            PartialFile.Commit(temp, outputPath);
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
}
