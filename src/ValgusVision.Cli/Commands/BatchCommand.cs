using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using ValgusVision.App;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// <c>valgus batch FOLDER|GLOB --out DIR</c>: every video analysed into a mirrored folder tree plus summary.csv;
/// resumable and shardable (see <see cref="BatchRunner"/> and <see cref="ShardSpec"/>).
/// </summary>
public sealed class BatchCommand : ICliCommandFactory
{
    public int Order => 20;

    public Command Create()
    {
        var inputs = new Argument<string[]>("FOLDER|GLOB")
        {
            Description = "folders (searched recursively for videos) or patterns such as 'study/**/*.mp4' (quote them)",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<string>("--out", "-o") { Description = "output folder (the input folders' structure is mirrored inside)", Required = true };
        var jobs = CliValues.Integer("--jobs", "videos analysed at the same time (1–64)", 1, 1, 64, "-j");
        var shard = new Option<string?>("--shard") { Description = "i/N: analyse only every N-th video starting at i (0-based), for cluster job arrays" };
        var force = new Option<bool>("--force") { Description = "redo videos whose outputs are already complete" };
        var shared = new AnalyzeOptionSet();
        var command = new Command("batch", "Analyse a whole folder of videos: outputs per video plus summary.csv; resumable and shardable.");
        command.Arguments.Add(inputs);
        foreach (Option option in new Option[] { outDir, jobs, shard, force })
        {
            command.Options.Add(option);
        }

        shared.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            BatchOptions options;
            try
            {
                options = new BatchOptions
                {
                    Inputs = parse.GetValue(inputs) ?? [],
                    Analyze = shared.Read(parse, parse.GetValue(outDir)!),
                    Jobs = parse.GetValue(jobs),
                    Shard = parse.GetValue(shard) is { } s ? ShardSpec.Parse(s) : ShardSpec.Whole,
                    Force = parse.GetValue(force),
                };
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new CliError(e.Message);
            }

            return await RunAsync(options, cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(BatchOptions options, CancellationToken cancellation)
    {
        BatchResult result;
        try
        {
            var runner = new BatchRunner(options);
            foreach (var line in runner.Decisions().Select(d => d.Message).OfType<string>())
            {
                Console.Error.WriteLine(line);
            }

            result = AnalyzeConsole.Interactive
                ? await RunWithBarsAsync(runner, cancellation)
                : await runner.RunAsync(PlainProgress(), cancellation);
        }
        catch (IOException e)
        {
            throw new CliError(e.Message, e is FileNotFoundException ? CliError.BadInput : CliError.Failed, e);
        }

        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(inv,
            $"batch: {result.Analysed} analysed, {result.Recomputed} recomputed from frames.csv, {result.Skipped} already complete (skipped), {result.Failures.Count} failed → {result.SummaryPath}"));
        foreach (var (input, error) in result.Failures)
        {
            Console.Out.WriteLine($"  failed: {input}: {error}");
        }

        if (result.FramesAnalysed > 0)
        {
            Console.Out.WriteLine(string.Create(inv, $"achieved {result.FramesPerSecond:0.0} fps ({result.FramesAnalysed} frames in {result.WallSeconds:0.0} s)"));
        }

        return result.Failures.Count == 0 ? 0 : result.Analysed + result.Recomputed + result.Skipped == 0 ? CliError.BadInput : CliError.Failed;
    }

    /// <summary>Without a terminal: one line per finished video, so logs of cluster jobs show how far a shard got.</summary>
    private static SyncProgress<BatchProgress> PlainProgress()
    {
        var gate = new Lock();
        return new SyncProgress<BatchProgress>(p =>
        {
            if (p.Job.Phase == JobPhase.Finished && p.Job.Total == 0)
            {
                lock (gate)
                {
                    Console.Error.WriteLine($"[{p.InputsFinished}/{p.InputsTotal}] {p.Job.Input}");
                }
            }
        });
    }

    private static async Task<BatchResult> RunWithBarsAsync(BatchRunner runner, CancellationToken cancellation)
    {
        BatchResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var overall = ctx.AddTask("all videos (frames)", maxValue: 1);
                var workers = new Dictionary<int, ProgressTask>();
                var gate = new Lock();
                var progress = new SyncProgress<BatchProgress>(p =>
                {
                    lock (gate)
                    {
                        overall.Description = $"{p.InputsFinished}/{p.InputsTotal} videos";
                        overall.MaxValue = Math.Max(1, p.FramesExpected);
                        overall.Value = Math.Min(p.FramesDone, overall.MaxValue);
                        string description = Markup.Escape($"{Path.GetFileName(p.Job.Input)}: {p.Job.Phase.ToString().ToLowerInvariant()}");
                        if (!workers.TryGetValue(p.Worker, out var task))
                        {
                            // Spectre refuses an empty task name (the crash of issue 21): the task starts with its real one.
                            task = workers[p.Worker] = ctx.AddTask(description, maxValue: 1);
                        }

                        task.Description = description;
                        if (p.Job.Total is > 0)
                        {
                            task.MaxValue = p.Job.Total.Value;
                            task.Value = Math.Min(p.Job.Done, p.Job.Total.Value);
                        }
                    }
                });
                result = await runner.RunAsync(progress, cancellation);
                overall.Value = overall.MaxValue;
            });
        return result!;
    }
}
