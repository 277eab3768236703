namespace ValgusVision.App;

/// <summary>
/// The files one input produces, all named <c>&lt;name&gt;.&lt;kind&gt;.&lt;ext&gt;</c> in the output folder (or
/// <c>&lt;kind&gt;.&lt;ext&gt;</c> when the name is empty: a live session's folder), plus the
/// completion marker written last (batch uses it to skip finished inputs).
/// </summary>
public sealed record OutputPaths(string Directory, string Name)
{
    public string OverlayVideo => File("overlay.mp4");

    public string FramesCsv => File("frames.csv");

    public string RepsCsv => File("reps.csv");

    /// <summary>
    /// The lunge test's attempts (exercise ankle-lunge only). Not in <see cref="For"/>: the other exercises never
    /// write it, and the completion marker must not wait for it.
    /// </summary>
    public string AttemptsCsv => File("attempts.csv");

    public string ReportJson => File("report.json");

    public string ReportHtml => File("report.html");

    public string ReportPdf => File("report.pdf");

    /// <summary>Hidden, so it does not clutter the folder a clinician opens; written after every other output.</summary>
    public string CompletionMarker => Path.Combine(Directory, $".{Name}.complete");

    /// <summary>The files <paramref name="formats"/> asks for, in the order they are written.</summary>
    public IReadOnlyList<string> For(OutputFormats formats)
    {
        var files = new List<string>(6);
        if (formats.HasFlag(OutputFormats.Csv))
        {
            files.Add(FramesCsv);
            files.Add(RepsCsv);
        }

        if (formats.HasFlag(OutputFormats.Json)) files.Add(ReportJson);
        if (formats.HasFlag(OutputFormats.Html)) files.Add(ReportHtml);
        if (formats.HasFlag(OutputFormats.Pdf)) files.Add(ReportPdf);
        if (formats.HasFlag(OutputFormats.Video)) files.Add(OverlayVideo);
        return files;
    }

    /// <summary>The output name for an input: its file name without the extension ("trial 3.mov" → "trial 3").</summary>
    public static string NameFor(string input)
    {
        string name = Path.GetFileNameWithoutExtension(input.TrimEnd('/', '\\'));
        if (name.Length == 0 || int.TryParse(name, out _) && !System.IO.File.Exists(input))
        {
            // A camera index or a URL without a file name.
            name = "camera-" + string.Concat(input.Where(char.IsAsciiLetterOrDigit));
        }

        return name;
    }

    /// <summary>An empty <see cref="Name"/> gives plain names (frames.csv, report.json): a live session's own folder.</summary>
    private string File(string suffix) => Path.Combine(Directory, Name.Length == 0 ? suffix : $"{Name}.{suffix}");
}
