using System.CommandLine;
using ValgusVision.App.Compare;
using ValgusVision.Domain.Compare;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// <c>valgus progress REPORT_OR_FOLDER... [--out DIR]</c>: one person's sessions over time from their report.json
/// files (folders are searched, sub-folders included), ordered by recording date; reports naming different clients
/// are refused. Prints a table; with <c>--out</c> also writes progress.html and progress.json (docs/compare.md).
/// </summary>
public sealed class CompareProgressCommand : ICliCommandFactory
{
    public int Order => 43;

    public Command Create()
    {
        var inputs = new Argument<string[]>("REPORT") { Description = "report.json files or folders holding them (one person, one exercise)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "folder for progress.html and progress.json" };
        var command = new Command("progress", "Chart one person's sessions over the weeks, per leg (from their report.json files).") { inputs };
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            Run(parse.GetValue(inputs) ?? [], parse.GetValue(output)?.ToString(), parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    /// <summary>Reads every report under <paramref name="inputs"/>, prints the table and writes the files into <paramref name="folder"/> when given.</summary>
    /// <exception cref="CliError">Bad input (exit 2) or an output that cannot be written (exit 1), as one line.</exception>
    public static ProgressReport Run(IEnumerable<string> inputs, string? folder, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(console);
        var files = new List<string>();
        foreach (string input in inputs)
        {
            var found = Find(input);
            if (found.Count == 0)
            {
                throw new CliError($"{input}: no report.json in this folder");
            }

            // A report named twice (a file and its folder) is one session, not two.
            files.AddRange(found.Select(Path.GetFullPath).Where(f => !files.Contains(f)));
        }

        var records = files.Select(CompareCommand.Read).ToList();
        ProgressReport progress;
        try
        {
            progress = ProgressReport.Of(records);
        }
        catch (ArgumentException e)
        {
            throw new CliError(e.Message, CliError.BadInput, e);
        }

        CompareConsole.Write(progress, console);
        if (folder is not null)
        {
            CompareCommand.Written(CompareOutputs.Write(folder, f => CompareExports.Write(progress, f, DateTimeOffset.UtcNow)), folder, console);
        }

        return progress;
    }

    private static IReadOnlyList<string> Find(string input)
    {
        try
        {
            return ReportFiles.In(input);
        }
        catch (FileNotFoundException e)
        {
            throw new CliError(e.Message, CliError.BadInput, e);
        }
    }
}
