using System.CommandLine;
using ValgusVision.App.Compare;
using ValgusVision.Domain.Compare;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// <c>valgus compare A B [--out DIR]</c>: the left leg of one recording against the right leg of another, from their
/// report.json files (each given as the file or the folder holding it). Which recording is which leg is read from
/// the reports, so the order does not matter; the same leg twice is refused. Prints a table; with <c>--out</c> also
/// writes compare.html and compare.json (docs/compare.md).
/// </summary>
public sealed class CompareCommand : ICliCommandFactory
{
    public int Order => 42;

    public Command Create()
    {
        var first = new Argument<string>("REPORT_A") { Description = "report.json of one leg's recording (or the folder holding it)" };
        var second = new Argument<string>("REPORT_B") { Description = "report.json of the other leg's recording (or its folder)" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "folder for compare.html and compare.json" };
        var command = new Command("compare", "Compare the left leg of one recording with the right leg of another (from their report.json files).") { first, second };
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var a = Read(parse.GetRequiredValue(first));
            var b = Read(parse.GetRequiredValue(second));
            if (Path.GetFullPath(a.Source) == Path.GetFullPath(b.Source))
            {
                throw new CliError($"{a.Source} is given twice: compare needs one recording of each leg");
            }

            LeftRightComparison comparison;
            try
            {
                comparison = LeftRightComparison.Of(a, b);
            }
            catch (ArgumentException e)
            {
                throw new CliError(e.Message, CliError.BadInput, e);
            }

            var console = parse.InvocationConfiguration.Output;
            CompareConsole.Write(comparison, console);
            if (parse.GetValue(output)?.ToString() is { } folder)
            {
                Written(CompareOutputs.Write(folder, f => CompareExports.Write(comparison, f, DateTimeOffset.UtcNow)), folder, console);
            }

            return 0;
        });
        return command;
    }

    /// <summary>One report, a bad one as a one-line input error (exit 2).</summary>
    internal static SessionRecord Read(string path)
    {
        try
        {
            return SessionReportReader.ReadFile(ReportFiles.One(path));
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            throw new CliError(e.Message, CliError.BadInput, e);
        }
    }

    internal static void Written(IReadOnlyList<string> files, string folder, TextWriter console) =>
        console.WriteLine($"wrote {string.Join(", ", files.Select(Path.GetFileName))} in {folder}");
}
