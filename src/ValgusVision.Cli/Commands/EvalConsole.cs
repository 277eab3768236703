using System.Globalization;
using Spectre.Console;
using ValgusVision.App.Evaluation;

namespace ValgusVision.Cli.Commands;

/// <summary>How <c>valgus eval</c> talks to the terminal: one line per clip as it finishes, then the tables of eval.md.</summary>
public static class EvalConsole
{
    public static string Line(ClipAccuracy clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return string.Create(CultureInfo.InvariantCulture,
            $"{clip.Clip}: {clip.OurReps}/{clip.TruthReps} reps, FPPA at bottoms |err| {EvaluationTable.Deg(clip.FppaAtBottoms.MeanAbs)}° " +
            $"(bias {EvaluationTable.Deg(clip.FppaAtBottoms.Bias)}°), {(clip.ViewWarning ? "view warning" : "frontal")}");
    }

    public static void Table(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            // A log or a pipe has no width: keep each row on one line instead of Spectre's 80 columns.
            console.Profile.Width = 240;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in EvaluationTable.Header)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var clip in result.Clips)
        {
            foreach (var row in EvaluationTable.Rows(clip))
            {
                table.AddRow([.. row.Select(Markup.Escape)]);
            }
        }

        TableFit.Write(console, table);
        console.WriteLine(EvaluationTable.FrontalSummary(result));
    }
}
