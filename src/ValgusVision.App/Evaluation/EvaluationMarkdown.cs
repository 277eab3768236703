using System.Collections.Immutable;
using System.Globalization;

namespace ValgusVision.App.Evaluation;

/// <summary>eval.md: what ran, the frontal summary, the per-clip-and-rep table, the joint table and the failed clips.</summary>
public static class EvaluationMarkdown
{
    public static void Write(EvaluationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("# Accuracy against exact truth (`valgus eval`)");
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ValgusVision {ReportExports.ToolVersion}, pose model {result.ModelName}, levers: {result.Levers.Label}; " +
            $"{result.Clips.Length} clip(s) measured, {result.Failures.Length} failed; pose {(result.PoseMillisecondsPerFrame is { } ms ? ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "—")} per frame."));
        writer.WriteLine();
        writer.WriteLine(EvaluationTable.FrontalSummary(result) + ".");
        writer.WriteLine();
        writer.WriteLine("Errors are ours − truth on the truth's stance leg: FPPA in degrees at the tool's bottom frame of each rep " +
                         "(\"bottom\") and over every frame deeper than half the rep's true depth (\"deep\"); hip shift in percentage " +
                         "points of leg length at the bottom. \"all\" rows: over the clip's reps (mean absolute, mean signed, largest absolute). " +
                         "✗ marks a wrong stance leg or a rep count that differs from the truth.");
        writer.WriteLine();
        Table(writer, EvaluationTable.Header, result.Clips.SelectMany(EvaluationTable.Rows));
        writer.WriteLine();
        writer.WriteLine("Pixel distance of each joint from its true centre over every frame with a pose (mean / median / 95th percentile):");
        writer.WriteLine();
        Table(writer, EvaluationTable.JointHeader, result.Clips.Select(EvaluationTable.JointRow));
        if (result.Failures.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Not evaluated:");
            writer.WriteLine();
            foreach (string failure in result.Failures)
            {
                writer.WriteLine("- " + failure);
            }
        }
    }

    private static void Table(TextWriter writer, ImmutableArray<string> header, IEnumerable<ImmutableArray<string>> rows)
    {
        writer.WriteLine("| " + string.Join(" | ", header) + " |");
        writer.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
        {
            writer.WriteLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }
    }
}
