namespace ValgusVision.App.Evaluation;

/// <summary>Writes eval.md and eval.csv into the output folder, each atomically (never a half-written table).</summary>
public static class EvaluationOutputs
{
    public const string MarkdownName = "eval.md";

    public const string CsvName = "eval.csv";

    public static IReadOnlyList<string> Write(EvaluationResult result, string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"output folder '{directory}' cannot be written: {e.Message}", e);
        }

        string markdown = Path.Combine(directory, MarkdownName);
        string csv = Path.Combine(directory, CsvName);
        AtomicOutput.WriteText(markdown, w => EvaluationMarkdown.Write(result, w));
        AtomicOutput.WriteText(csv, w => EvaluationCsv.Write(result, w));
        return [markdown, csv];
    }
}
