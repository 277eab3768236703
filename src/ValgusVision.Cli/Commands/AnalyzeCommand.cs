using System.CommandLine;
using Spectre.Console;
using ValgusVision.App;
using ValgusVision.Video;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// <c>valgus analyze INPUT...</c>: each video, image or folder → overlay video, frames/reps CSV, JSON, HTML and PDF
/// report. The work is <see cref="AnalysisJob"/>'s; this class parses, shows progress and prints results.
/// </summary>
public sealed class AnalyzeCommand : ICliCommandFactory
{
    public int Order => 10;

    public Command Create()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "video files, still images or folders of them",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<string>("--out", "-o") { Description = "output folder", DefaultValueFactory = _ => "." };
        var shared = new AnalyzeOptionSet();
        var open = ReportOpener.CreateOption();
        var command = new Command("analyze", "Analyse recorded videos or images: annotated video, per-rep numbers and reports.");
        command.Arguments.Add(inputs);
        command.Options.Add(outDir);
        shared.AddTo(command);
        command.Options.Add(open);
        command.SetAction(async (parse, cancellation) =>
        {
            var options = shared.Read(parse, parse.GetValue(outDir) ?? ".");
            bool openReports = parse.GetValue(open);
            if (openReports && !options.Formats.HasFlag(OutputFormats.Html))
            {
                throw new CliError($"{ReportOpener.Name} opens the HTML report: add html to --formats");
            }

            var files = ExpandInputs(parse.GetValue(inputs) ?? []);
            return await RunAsync(files, options, openReports, CliApp.IsVerbose(parse), cancellation);
        });
        return command;
    }

    private static IReadOnlyList<string> ExpandInputs(string[] inputs)
    {
        try
        {
            return InputPaths.Expand(inputs);
        }
        catch (IOException e)
        {
            throw new CliError(e.Message);
        }
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> files, AnalyzeOptions options, bool openReports, bool verbose, CancellationToken cancellation)
    {
        var names = UniqueNames(files);
        var reports = new List<InputReport>();
        var failures = new List<string>();
        using var job = new AnalysisJob(options);
        for (int i = 0; i < files.Count; i++)
        {
            var paths = new OutputPaths(options.OutputDirectory, names[i]);
            try
            {
                var report = Interactive.Enabled
                    ? await Interactive.RunAsync(job, files[i], paths, cancellation)
                    : await job.RunAsync(files[i], paths, null, cancellation);
                reports.Add(report);
                Console.Out.WriteLine(AnalyzeConsole.Describe(report, options.OutputDirectory));
                if (openReports && File.Exists(paths.ReportHtml))
                {
                    ReportOpener.Open(paths.ReportHtml, Console.Error);
                }
            }
            catch (Exception e) when (files.Count > 1 && e is not OperationCanceledException and not OutputWriteException && IsInputProblem(e))
            {
                // One bad input among several: say so and carry on with the rest (an output that cannot be written
                // stops the run: the next input would meet the same full disk).
                failures.Add(e.Message);
                await Console.Error.WriteLineAsync($"valgus: {e.Message}");
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not CliError && IsInputProblem(e))
            {
                throw new CliError(e.Message, e is IOException and not FileNotFoundException ? CliError.Failed : CliError.BadInput, e);
            }
        }

        if (reports.Count > 0)
        {
            Console.Out.WriteLine(AnalyzeConsole.Speed(reports, stageTimes: verbose));
        }

        return failures.Count == 0 ? 0 : reports.Count == 0 ? CliError.BadInput : CliError.Failed;
    }

    private static bool IsInputProblem(Exception e) =>
        e is IOException or InvalidDataException or ArgumentException or NotSupportedException or UnauthorizedAccessException
            or OpenCvSharp.OpenCVException;

    /// <summary>Output names per input; two inputs with one name (a/trial.mp4, b/trial.mp4) get "-2", "-3", … appended.</summary>
    private static string[] UniqueNames(IReadOnlyList<string> files)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new string[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            string name = OutputPaths.NameFor(files[i]);
            seen[name] = seen.TryGetValue(name, out int n) ? n + 1 : 1;
            names[i] = seen[name] == 1 ? name : $"{name}-{seen[name]}";
        }

        return names;
    }

    /// <summary>A Spectre.Console progress bar per input, for a person at a terminal.</summary>
    private static class Interactive
    {
        public static bool Enabled => AnalyzeConsole.Interactive;

        public static async Task<InputReport> RunAsync(AnalysisJob job, string input, OutputPaths paths, CancellationToken cancellation)
        {
            InputReport? result = null;
            await AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var pose = ctx.AddTask($"{Markup.Escape(Path.GetFileName(input))}: pose", maxValue: 1);
                    ProgressTask? overlay = null;
                    var progress = new SyncProgress<JobProgress>(p =>
                    {
                        if (p.Phase == JobPhase.Pose)
                        {
                            pose.MaxValue = p.Total ?? Math.Max(p.Done + 1, pose.MaxValue);
                            pose.Value = p.Done;
                        }
                        else if (p.Phase == JobPhase.Overlay)
                        {
                            overlay ??= ctx.AddTask($"{Markup.Escape(Path.GetFileName(input))}: overlay video", maxValue: p.Total ?? 1);
                            overlay.Value = p.Done;
                        }
                        else if (p.Phase == JobPhase.Analysis)
                        {
                            pose.Value = pose.MaxValue;
                        }
                    });
                    result = await job.RunAsync(input, paths, progress, cancellation);
                });
            return result!;
        }
    }
}
