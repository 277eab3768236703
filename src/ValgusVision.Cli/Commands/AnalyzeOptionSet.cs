using System.CommandLine;
using ValgusVision.App;
using ValgusVision.Domain.Refinement;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// The options <c>valgus analyze</c> and <c>valgus batch</c> share: the session's (<see cref="SessionOptionSet"/>, the
/// same as live and reanalyze take) plus the formats to write, translated into <see cref="AnalyzeOptions"/>.
/// </summary>
public sealed class AnalyzeOptionSet
{
    public SessionOptionSet Session { get; } = new();

    public Option<string> Formats { get; } = new("--formats")
    {
        Description = "outputs to write: any of video,csv,json,html,pdf",
        DefaultValueFactory = _ => "video,csv,json,html,pdf",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Session.AddTo(command);
        command.Options.Add(Formats);
    }

    /// <summary>The <c>--refine none|mask</c> option for commands without a whole session (eval).</summary>
    public static Option<string> RefineOption() => new SessionOptionSet().Refine;

    /// <summary>The refinement asked for; an unknown name is a one-line <see cref="CliError"/>.</summary>
    public static JointRefinementMode ReadRefine(ParseResult parse, Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string text = parse.GetValue(option) ?? SessionOptions.Default.Refine.ToName();
        return JointRefinementModes.Parse(text) ?? throw new CliError($"--refine: '{text}' is not mask or none");
    }

    /// <summary>Validated options; bad values become one-line <see cref="CliError"/>s naming the option.</summary>
    public AnalyzeOptions Read(ParseResult parse, string outputDirectory)
    {
        var session = Session.Read(parse);
        try
        {
            var options = new AnalyzeOptions
            {
                OutputDirectory = outputDirectory,
                Formats = OutputFormatNames.Parse(parse.GetValue(Formats) ?? "all"),
                Session = session,
            };
            options.Validate();
            return options;
        }
        catch (ArgumentException e)
        {
            throw new CliError(e.Message.Split(" (Parameter", 2)[0], CliError.BadInput, e);
        }
    }
}
