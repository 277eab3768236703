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
            var files = new List<string>();
            foreach (string input in parse.GetValue(inputs) ?? [])
            {
                var found = Find(input);
                if (found.Count == 0)
                {
                    throw new CliError($"{input}: no report.json in this folder");
                }

                files.AddRange(found.Where(f => !files.Contains(Path.GetFullPath(f))).Select(Path.GetFullPath));
            }

            var records = files.Select(f => CompareCommand.Read(f)).ToList();
            ProgressReport progress;
            try
            {
                progress = ProgressReport.Of(records);
            }
            catch (ArgumentException e)
            {
                throw new CliError(e.Message, CliError.BadInput, e);
            }

            var console = parse.InvocationConfiguration.Output;
            CompareConsole.Write(progress, console);
            if (parse.GetValue(output)?.ToString() is { } folder)
            {
                CompareCommand.Written(CompareOutputs.Write(folder, f => CompareExports.Write(progress, f, DateTimeOffset.UtcNow)), folder, console);
            }

            return 0;
        });
        return command;
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
