using System.Collections.Immutable;
using System.CommandLine;
using ValgusVision.App;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;
using ValgusVision.Rendering.Reports;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// <c>valgus reanalyze FRAMES.csv</c>: recomputes every metric, rep and event from a saved frames CSV without the
/// model (other threshold, exercise or stance leg), prints the reps as a table and optionally writes the outputs.
/// </summary>
public sealed class ReanalyzeCommand : ICliCommandFactory
{
    public int Order => 40;

    public Command Create()
    {
        var frames = new Argument<FileInfo>("frames") { Description = "Frames CSV written by an earlier analysis (docs/frames-csv.md)." };
        var threshold = new Option<double?>("--threshold") { Description = $"Valgus limit in degrees (default {AnalysisSettings.Default.ValgusThresholdDeg:0})." };
        var exercise = new Option<string>("--exercise") { Description = "auto, squat, hinge, hitch, drop-jump or ankle-lunge (default auto).", DefaultValueFactory = _ => "auto" };
        var side = new Option<string?>("--side") { Description = "Stance leg, left or right (default: detected per rep)." };
        var height = new Option<double?>("--height-cm") { Description = "The person's height, to give hip shift in centimetres." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for frames.csv, reps.csv and report.json of the new analysis." };
        var command = new Command("reanalyze", "Recompute metrics, reps and valgus events from a frames CSV, without running the model.")
        {
            frames,
            threshold,
            exercise,
            side,
            height,
            output,
        };
        command.SetAction(parse =>
        {
            var options = new ReanalyzeOptions(
                parse.GetRequiredValue(frames).ToString(),
                parse.GetValue(threshold),
                parse.GetValue(exercise),
                parse.GetValue(side),
                parse.GetValue(height),
                parse.GetValue(output)?.ToString());
            Run(options, parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    /// <summary>Runs the reanalysis; bad input becomes a one-line <see cref="CliError"/>.</summary>
    public static SessionAnalysis Run(ReanalyzeOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var settings = Settings(options);
        if (!File.Exists(options.FramesPath))
        {
            throw new CliError($"{options.FramesPath}: no such file");
        }

        IReadOnlyList<Domain.Pose.PoseFrame> frames;
        try
        {
            frames = FramesCsvReader.Read(options.FramesPath);
        }
        catch (InvalidDataException e)
        {
            throw new CliError(e.Message, CliError.BadInput, e);
        }

        if (frames.Count == 0)
        {
            throw new CliError($"{options.FramesPath}: no frames in the CSV");
        }

        SessionAnalysis analysis;
        try
        {
            analysis = SessionAnalyzer.Analyze(frames, settings);
        }
        catch (ArgumentException e)
        {
            throw new CliError($"{options.FramesPath}: {e.Message}", CliError.BadInput, e);
        }

        ReanalyzeTable.Write(analysis, options.FramesPath, output);
        if (options.OutputFolder is { } folder)
        {
            WriteOutputs(folder, options.FramesPath, frames, analysis, output);
        }

        return analysis;
    }

    private static AnalysisSettings Settings(ReanalyzeOptions options)
    {
        var exercise = ExerciseNames.Parse(options.Exercise ?? "auto")
            ?? throw new CliError($"--exercise '{options.Exercise}': expected auto, squat, hinge, hitch, drop-jump or ankle-lunge");
        Side? side = null;
        if (!string.IsNullOrWhiteSpace(options.Side))
        {
            side = SideExtensions.Parse(options.Side) ?? throw new CliError($"--side '{options.Side}': expected left or right");
        }

        var settings = AnalysisSettings.Default with { Exercise = exercise, StanceOverride = side, HeightCm = options.HeightCm };
        if (options.ThresholdDeg is { } threshold)
        {
            settings = settings with { ValgusThresholdDeg = threshold };
        }

        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            string option = e.ParamName switch
            {
                nameof(AnalysisSettings.ValgusThresholdDeg) => "--threshold",
                nameof(AnalysisSettings.HeightCm) => "--height-cm",
                _ => "settings",
            };
            throw new CliError($"{option}: {e.Message}", CliError.BadInput, e);
        }

        return settings;
    }

    private static void WriteOutputs(string folder, string framesPath, IReadOnlyList<Domain.Pose.PoseFrame> frames, SessionAnalysis analysis, TextWriter output)
    {
        try
        {
            Directory.CreateDirectory(folder);
            string framesCsv = Path.Combine(folder, "frames.csv");
            if (Path.GetFullPath(framesCsv) == Path.GetFullPath(framesPath))
            {
                throw new CliError($"--out {folder}: would overwrite the input {framesPath}; choose another folder");
            }

            // Through temporary names, as analyze writes them: an error or Ctrl+C never leaves a half-written file.
            AtomicOutput.WriteText(framesCsv, w => FramesCsvWriter.Write(w, frames, analysis.Frames, analysis.Ankle));
            AtomicOutput.WriteText(Path.Combine(folder, "reps.csv"), w => RepsCsvWriter.Write(analysis.Reps, w));
            string written = "reps.csv";
            if (analysis.Ankle is { } ankle)
            {
                var frameNumbers = analysis.Frames.Select(f => f.FrameIndex).ToArray();
                AtomicOutput.WriteText(Path.Combine(folder, "attempts.csv"), w => AttemptsCsvWriter.Write(ankle, frameNumbers, w));
                written += ", attempts.csv";
            }

            var first = frames[0];
            var input = new InputProperties(
                Path.GetFileName(framesPath),
                first.ImageWidth,
                first.ImageHeight,
                analysis.Summary.FrameRateHz,
                frames.Count,
                analysis.Summary.DurationSeconds,
                0);
            var report = new AnalysisReport(
                CliApp.Version,
                DateTimeOffset.UtcNow,
                "none (reanalysed from a frames CSV)",
                input,
                analysis,
                ImmutableDictionary<string, string>.Empty.Add("source", "frames CSV " + Path.GetFileName(framesPath)),
                []);
            AtomicOutput.Write(Path.Combine(folder, "report.json"), temp => ReportJsonWriter.WriteFile(report, temp));
            output.WriteLine($"wrote {framesCsv}, {written} and report.json in {folder}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliError($"--out {folder}: {e.Message}", CliError.Failed, e);
        }
    }
}
