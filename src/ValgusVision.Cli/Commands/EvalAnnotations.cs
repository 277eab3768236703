using System.CommandLine;
using ValgusVision.App;
using ValgusVision.App.Evaluation;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// <c>valgus eval CLIP --annotations FILE [--kinovea FILE [--kinovea-column NAME]]</c>: one clip against a clinic's own
/// digitising (docs/annotations.md). Prints the table and writes annotations.md. Exit 2 on a bad file or clip.
/// </summary>
internal sealed class EvalAnnotations
{
    private readonly Option<string?> _annotations = new("--annotations")
    {
        Description = "CSV of clicked hip, knee and ankle points per frame (frame,side,hip_x,hip_y,knee_x,knee_y,ankle_x,ankle_y; docs/annotations.md)",
    };

    private readonly Option<string?> _kinovea = new("--kinovea") { Description = "Kinovea's exported angle CSV (time in the first column)" };

    private readonly Option<string?> _column = new("--kinovea-column") { Description = "the Kinovea column holding the knee angle (default: the first after the time)" };

    public void AddTo(Command command)
    {
        command.Options.Add(_annotations);
        command.Options.Add(_kinovea);
        command.Options.Add(_column);
    }

    public bool Requested(ParseResult parse) => parse.GetValue(_annotations) is not null || parse.GetValue(_kinovea) is not null;

    public async Task<int> RunAsync(ParseResult parse, IReadOnlyList<string> clips, AnalyzeOptions options, CancellationToken cancellation)
    {
        if (clips.Count != 1)
        {
            throw new CliError($"--annotations/--kinovea: give exactly one clip (got {clips.Count})");
        }

        AnnotationAccuracy accuracy;
        try
        {
            accuracy = await new AnnotationEvaluation(options).RunAsync(
                clips[0], parse.GetValue(_annotations), parse.GetValue(_kinovea), parse.GetValue(_column), cancellation);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or NotSupportedException or OpenCvSharp.OpenCVException)
        {
            throw new CliError(e.Message, CliError.BadInput, e);
        }

        string written;
        try
        {
            written = AnnotationEvaluation.Write(accuracy, options.OutputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliError(e.Message, CliError.Failed, e);
        }

        accuracy.WriteMarkdown(Console.Out);
        Console.Out.WriteLine("wrote " + written);
        return 0;
    }
}
