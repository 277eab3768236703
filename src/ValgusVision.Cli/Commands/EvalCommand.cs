using System.CommandLine;
using ValgusVision.App;
using ValgusVision.App.Evaluation;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// <c>valgus eval CLIP...</c>: analyses clips that have a <c>&lt;name&gt;.truth.csv</c> beside them exactly as analyze does
/// and measures the numbers against the truth (eval.md, eval.csv, a table on the console). The work is
/// <see cref="AccuracyEvaluation"/>'s. Exit 0 when every clip was evaluated, 2 when none could be, 1 when some failed.
/// </summary>
public sealed class EvalCommand : ICliCommandFactory
{
    public int Order => 35;

    public Command Create()
    {
        var clips = new Argument<string[]>("CLIP")
        {
            Description = "rendered clips with exact truth (<name>.truth.csv beside each, samples/README.md)",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<string>("--out", "-o") { Description = "folder for eval.md and eval.csv", DefaultValueFactory = _ => "." };
        var model = new Option<string>("--model")
        {
            Description = "pose landmark model: lite, full, heavy or the path of an ONNX file",
            DefaultValueFactory = _ => "full",
        };
        var levers = new PoseLeverOptionSet();
        var refine = AnalyzeOptionSet.RefineOption();
        var hipCentre = SessionOptionSet.HipCentreOption();
        var mirror = new Option<bool>("--mirror") { Description = "compare each clip's FPPA with its mirror image's (legs swapped) and write mirror.csv; needs no truth" };
        var command = new Command("eval", "Measure the tool's accuracy on clips with exact truth: FPPA, hip shift, reps and joint positions.");
        command.Arguments.Add(clips);
        command.Options.Add(outDir);
        command.Options.Add(model);
        command.Options.Add(refine);
        command.Options.Add(hipCentre);
        command.Options.Add(mirror);
        command.Options.Add(ValgusVision.Cli.Config.ConfigArguments.CreateOption());
        var annotations = new EvalAnnotations();
        annotations.AddTo(command);
        levers.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var options = new AnalyzeOptions
            {
                OutputDirectory = parse.GetValue(outDir) ?? ".",
                Model = CliValues.ParseModel(parse.GetValue(model)),
                Levers = levers.Read(parse),
                Refine = AnalyzeOptionSet.ReadRefine(parse, refine),
                HipCentre = SessionOptionSet.ReadHipCentre(parse, hipCentre),
            };
            if (annotations.Requested(parse))
            {
                return await annotations.RunAsync(parse, parse.GetValue(clips) ?? [], options, cancellation);
            }

            return parse.GetValue(mirror)
                ? await EvalMirror.RunAsync(parse.GetValue(clips) ?? [], options, cancellation)
                : await RunAsync(parse.GetValue(clips) ?? [], options, cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> clips, AnalyzeOptions options, CancellationToken cancellation)
    {
        var evaluation = new AccuracyEvaluation(options);
        var result = await evaluation.RunAsync(
            clips,
            clip => Console.Out.WriteLine(EvalConsole.Line(clip)),
            failure => Console.Error.WriteLine($"valgus: {failure}"),
            cancellation);
        IReadOnlyList<string> written;
        try
        {
            written = EvaluationOutputs.Write(result, options.OutputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliError(e.Message, CliError.Failed, e);
        }

        EvalConsole.Table(result);
        Console.Out.WriteLine("wrote " + string.Join(", ", written));
        return result.Failures.Length == 0 ? 0 : result.Clips.Length == 0 ? CliError.BadInput : CliError.Failed;
    }
}
