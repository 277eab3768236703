using Spectre.Console;
using Spectre.Console.Rendering;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Reports;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// The weight-bearing lunge test in the terminal, one printer for <c>analyze</c> and <c>reanalyze</c>: the attempts
/// (the HTML report's columns, <see cref="AnkleReportText"/>), one verdict line per leg and the left–right
/// difference. Why a number is missing is not printed here: it is among the analysis warnings, which both commands
/// print after this.
/// </summary>
internal static class LungeConsole
{
    public static void Write(IAnsiConsole console, AnkleLungeResult ankle)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(ankle);
        if (ankle.AllAttempts.IsDefaultOrEmpty)
        {
            console.MarkupLine("[yellow]No lunge attempts found.[/]");
            return;
        }

        TableFit.Write(console, AttemptsTable(ankle));
        foreach (var side in new[] { ankle.Left, ankle.Right })
        {
            if (side is not null)
            {
                string colour = side.Verdict switch
                {
                    AnkleVerdict.Restricted => "red",
                    AnkleVerdict.WithinNormal => "green",
                    _ => "yellow",
                };
                console.MarkupLine($"[{colour}]{Markup.Escape(side.Sentence)}[/]");
            }
        }

        if (ankle.DifferenceSentence is { } difference)
        {
            console.MarkupLine((ankle.Asymmetric ? "[red]" : "[default]") + Markup.Escape(difference) + "[/]");
        }
    }

    private static Table AttemptsTable(AnkleLungeResult ankle)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Lunge attempts");
        var headers = AnkleReportText.AttemptHeaders;
        for (int i = 0; i < headers.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(headers[i]));
            table.AddColumn(i is 1 or 2 or 3 ? column.RightAligned() : column);
        }

        foreach (var attempt in ankle.AllAttempts)
        {
            var cells = AnkleReportText.AttemptCells(attempt, ankle.For(attempt.Side)!);
            var row = new IRenderable[cells.Count];
            for (int i = 0; i < cells.Count; i++)
            {
                // The heel-lift angle cell stands out as it does in the HTML report: it is not a range.
                row[i] = i == 3 && attempt.HeelLift ? new Markup("[yellow]" + Markup.Escape(cells[i]) + "[/]") : new Text(cells[i]);
            }

            table.AddRow(row);
        }

        return table;
    }
}
