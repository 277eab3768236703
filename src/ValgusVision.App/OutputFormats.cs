namespace ValgusVision.App;

/// <summary>Which files an analysis writes (<c>--formats</c>). <see cref="Csv"/> means both frames.csv and reps.csv.</summary>
[Flags]
public enum OutputFormats
{
    None = 0,
    Video = 1,
    Csv = 2,
    Json = 4,
    Html = 8,
    Pdf = 16,
    All = Video | Csv | Json | Html | Pdf,
}

public static class OutputFormatNames
{
    /// <summary>Parses "video,csv,json,html,pdf" (any subset, any order, "all"); names the first unknown word.</summary>
    public static OutputFormats Parse(string text)
    {
        var formats = OutputFormats.None;
        foreach (var word in text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            formats |= word.ToLowerInvariant() switch
            {
                "video" or "mp4" => OutputFormats.Video,
                "csv" => OutputFormats.Csv,
                "json" => OutputFormats.Json,
                "html" => OutputFormats.Html,
                "pdf" => OutputFormats.Pdf,
                "all" => OutputFormats.All,
                _ => throw new ArgumentException($"--formats: unknown format '{word}' (use video, csv, json, html, pdf)"),
            };
        }

        if (formats == OutputFormats.None)
        {
            throw new ArgumentException("--formats: name at least one of video, csv, json, html, pdf");
        }

        return formats;
    }

    public static string ToText(this OutputFormats formats)
    {
        var words = new List<string>(5);
        if (formats.HasFlag(OutputFormats.Video)) words.Add("video");
        if (formats.HasFlag(OutputFormats.Csv)) words.Add("csv");
        if (formats.HasFlag(OutputFormats.Json)) words.Add("json");
        if (formats.HasFlag(OutputFormats.Html)) words.Add("html");
        if (formats.HasFlag(OutputFormats.Pdf)) words.Add("pdf");
        return string.Join(',', words);
    }
}
