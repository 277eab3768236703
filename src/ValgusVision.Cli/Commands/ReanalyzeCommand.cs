using System.CommandLine;
using ValgusVision.App;
using ValgusVision.Video;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Recording;

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
        var shared = new SessionOptionSet(pose: false, range: false);
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the new analysis: NAME.frames.csv, .reps.csv, .report.json, .html and .pdf, named after the input." };
        var command = new Command("reanalyze", "Recompute metrics, reps and valgus events from a frames CSV, without running the model.") { frames };
        shared.AddTo(command);
        command.Options.Add(output);
        var open = ReportOpener.CreateOption();
        command.Options.Add(open);
        command.SetAction(parse =>
        {
            // With no pose options and no range, the session is the analysis settings and the report's names.
            var session = shared.Read(parse);
            string framesPath = parse.GetRequiredValue(frames).ToString();
            string? folder = parse.GetValue(output)?.ToString();
            bool openReport = parse.GetValue(open);
            if (openReport && folder is null)
            {
                throw new CliError($"{ReportOpener.Name}: reanalyze writes a report only into an --out folder; add --out");
            }

            Run(framesPath, session.Settings, folder, parse.InvocationConfiguration.Output, session);
            if (openReport && folder is not null)
            {
                ReportOpener.Open(new OutputPaths(folder, OutputName(framesPath)).ReportHtml, parse.InvocationConfiguration.Output);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Runs the reanalysis of <see cref="ReanalyzeOptions"/>; bad input becomes a one-line <see cref="CliError"/>.</summary>
    public static SessionAnalysis Run(ReanalyzeOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Run(options.FramesPath, Settings(options), options.OutputFolder, output);
    }

    /// <summary>Runs the reanalysis; bad input becomes a one-line <see cref="CliError"/>.</summary>
    /// <param name="names">Where the report's client and clinician names come from (<c>--client</c>, <c>--clinician</c>); null: none.</param>
    public static SessionAnalysis Run(string framesPath, AnalysisSettings settings, string? outputFolder, TextWriter output, SessionOptions? names = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var options = new ReanalyzeOptions(framesPath, OutputFolder: outputFolder);
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
            analysis = SessionPipeline.Analyze(frames, new SessionOptions { Settings = settings });
        }
        catch (ArgumentException e)
        {
            throw new CliError($"{options.FramesPath}: {e.Message}", CliError.BadInput, e);
        }

        ReanalyzeTable.Write(analysis, options.FramesPath, output);
        if (options.OutputFolder is { } folder)
        {
            WriteOutputs(folder, options.FramesPath, frames, analysis, output, names);
        }

        return analysis;
    }

    private static AnalysisSettings Settings(ReanalyzeOptions options)
    {
        var settings = AnalysisSettings.Default with
        {
            Exercise = CliValues.ParseExercise(options.Exercise),
            StanceOverride = CliValues.ParseSide(options.Side),
            HeightCm = options.HeightCm,
            ValgusThresholdDeg = options.ThresholdDeg ?? AnalysisSettings.Default.ValgusThresholdDeg,
        };
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
            throw new CliError($"{option}: {e.Message.Split(" (Parameter", 2)[0]}", CliError.BadInput, e);
        }

        return settings;
    }

    /// <summary>
    /// The outputs' name: the input's, without ".frames.csv" ("trial3.frames.csv" → "trial3.reps.csv", …); a live
    /// session's plain "frames.csv" keeps the session folder's plain names (reps.csv, report.json, …).
    /// </summary>
    public static string OutputName(string framesPath)
    {
        string name = Path.GetFileName(framesPath);
        foreach (string suffix in new[] { ".csv", ".frames" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }

        return name.Equals("frames", StringComparison.OrdinalIgnoreCase) ? string.Empty : name;
    }

    /// <summary>
    /// The recording time of the report.json written with the frames CSV (trial3.frames.csv → trial3.report.json, a live
    /// session's frames.csv → report.json): a reanalysis is the same recording. Null when there is none or it has none.
    /// </summary>
    private static RecordingTime? SourceRecordedAt(string framesPath)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(framesPath)) ?? ".";
        return ValgusVision.App.Compare.SessionReportReader.ReadRecordedAt(new OutputPaths(folder, OutputName(framesPath)).ReportJson);
    }

    private static void WriteOutputs(string folder, string framesPath, IReadOnlyList<Domain.Pose.PoseFrame> frames, SessionAnalysis analysis, TextWriter output, SessionOptions? names)
    {
        const OutputFormats formats = OutputFormats.Csv | OutputFormats.Json | OutputFormats.Html | OutputFormats.Pdf;
        var paths = new OutputPaths(folder, OutputName(framesPath));
        string input = Path.GetFullPath(framesPath);
        if (paths.For(formats).Append(paths.AttemptsCsv).Any(p => Path.GetFullPath(p) == input))
        {
            throw new CliError($"--out {folder}: would overwrite the input {framesPath}; choose another folder");
        }

        try
        {
            Directory.CreateDirectory(folder);
            // The same report builder as analyze and live: the same files, sections and accuracy statement.
            var context = new ReportContext
            {
                Input = framesPath,
                Session = new SessionOptions { Settings = analysis.Settings, Client = names?.Client, Clinician = names?.Clinician },
                Recorded = names?.RecordedAt ?? SourceRecordedAt(framesPath),
                Poses = frames,
                PoseSource = "none (reanalysed from a frames CSV)",
                FrameTimes = "from the frames CSV",
                ExtraSettings = [new("source", "frames CSV " + Path.GetFileName(framesPath))],
            };
            var written = new List<string>();
            ReportExports.Write(context, analysis, paths, formats, written);
            output.WriteLine($"wrote {string.Join(", ", written.Select(Path.GetFileName))} in {folder}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An output's own failure names its file already; others (the folder) get the option's name.
            throw new CliError(e is OutputWriteException ? e.Message : $"--out {folder}: {e.Message}", CliError.Failed, e);
        }
    }
}
