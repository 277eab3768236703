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
            Run(parse.GetRequiredValue(first), parse.GetRequiredValue(second), parse.GetValue(output)?.ToString(), parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    /// <summary>Compares the two reports, prints the table and writes the files into <paramref name="folder"/> when given.</summary>
    /// <exception cref="CliError">Bad input (exit 2) or an output that cannot be written (exit 1), as one line.</exception>
    public static LeftRightComparison Run(string first, string second, string? folder, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var a = Read(first);
        var b = Read(second);
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

        CompareConsole.Write(comparison, console);
        if (folder is not null)
        {
            Written(CompareOutputs.Write(folder, f => CompareExports.Write(comparison, f, DateTimeOffset.UtcNow)), folder, console);
        }

        return comparison;
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
