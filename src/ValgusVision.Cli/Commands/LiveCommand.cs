using System.CommandLine;
using System.Runtime.InteropServices;
using ValgusVision.Domain.Analysis;
using ValgusVision.Live.Session;
using ValgusVision.Pose;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// <c>valgus live</c>: real-time feedback from a webcam (or a video played as one), the guided protocol and the knee
/// position-sense drill. The work is <see cref="LiveSession"/>'s; this class parses options, turns Ctrl+C and SIGTERM
/// into a clean stop (the recording is finished either way) and prints the outcome.
/// </summary>
public sealed class LiveCommand : ICliCommandFactory
{
    public int Order => 20;

    public Command Create()
    {
        var camera = new Option<string>("--camera") { Description = "camera index, stream URL, or a video file played as if it were a camera", DefaultValueFactory = _ => "0" };
        var headless = new Option<bool>("--headless") { Description = "no window: print live metrics to the console" };
        var exercise = new Option<string>("--exercise") { Description = "squat, hinge, hitch, ankle-lunge (weight-bearing lunge test from the side; with --guided 3 attempts per leg) or auto (default: the lunge test when the first seconds show a side view with split feet, else reps counted as squats)", DefaultValueFactory = _ => "auto" };
        var side = new Option<string?>("--side") { Description = "stance leg, left or right (default: detected; keys L/R change it)" };
        var model = new Option<string>("--model") { Description = "pose model: lite, full, heavy or an ONNX file", DefaultValueFactory = _ => "full" };
        var drill = new Option<bool>("--drill") { Description = "knee position-sense drill: hold where the knee is straight over the foot, then see the truth" };
        var trials = new Option<int>("--trials") { Description = "drill trials per leg", DefaultValueFactory = _ => 5 };
        var guided = new Option<bool>("--guided") { Description = "guided protocol: hip hitch, hinge and squat sets with timers and summaries" };
        var record = new Option<string?>("--record") { Description = "folder for the camera video, frames CSV and session report" };
        var threshold = new Option<double?>("--threshold") { Description = $"valgus limit in degrees (default {AnalysisSettings.Default.ValgusThresholdDeg:0})" };
        var duration = new Option<double?>("--duration") { Description = "stop after this many seconds" };
        var refine = AnalyzeOptionSet.RefineOption();
        var device = DeviceOption.Create();
        var command = new Command("live", "Real-time webcam feedback during single-leg exercises, the guided protocol and the knee position-sense drill.")
        {
            camera, headless, exercise, side, model, drill, trials, guided, record, threshold, duration, refine, device,
        };
        command.SetAction(parse =>
        {
            var options = Read(parse, camera, headless, exercise, side, model, drill, trials, guided, record, threshold, duration)
                with { Refine = AnalyzeOptionSet.ReadRefine(parse, refine), Device = DeviceOption.Read(parse, device) };
            return Run(options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Runs a session until it ends; exit 0 unless the camera was lost, the recording or the session failed (1, after what was recorded was saved).</summary>
    public static int Run(LiveOptions options, TextWriter output, TextWriter error)
    {
        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        LiveResult result;
        try
        {
            result = new LiveSession(options, output).Run(stop.Token);
        }
        catch (LiveSetupException e)
        {
            throw new CliError(e.Message, CliError.BadInput, e);
        }

        output.WriteLine(LiveConsole.Describe(result));
        if (result.EndReason is LiveEndReason.CameraLost or LiveEndReason.RecordingFailed or LiveEndReason.Failed)
        {
            error.WriteLine($"valgus: {result.LostReason}; what was recorded is saved");
            return CliError.Failed;
        }

        return result.EndReason == LiveEndReason.Interrupted ? CliError.Interrupted : 0;
    }

    private static LiveOptions Read(
        ParseResult parse,
        Option<string> camera,
        Option<bool> headless,
        Option<string> exercise,
        Option<string?> side,
        Option<string> model,
        Option<bool> drill,
        Option<int> trials,
        Option<bool> guided,
        Option<string?> record,
        Option<double?> threshold,
        Option<double?> duration)
    {
        var exerciseValue = ExerciseNames.Parse(parse.GetValue(exercise)) ?? throw new CliError($"--exercise '{parse.GetValue(exercise)}': expected auto, squat, hinge, hitch or ankle-lunge");
        Side? sideValue = null;
        if (parse.GetValue(side) is { Length: > 0 } sideText)
        {
            sideValue = SideExtensions.Parse(sideText) ?? throw new CliError($"--side '{sideText}': expected left or right");
        }

        var settings = AnalysisSettings.Default with { Exercise = exerciseValue, StanceOverride = sideValue };
        if (parse.GetValue(threshold) is { } limit)
        {
            settings = settings with { ValgusThresholdDeg = limit };
        }

        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CliError($"--threshold: {e.Message}", CliError.BadInput, e);
        }

        string modelText = parse.GetValue(model) ?? "full";
        (PoseModelKind kind, string? path) = modelText.Trim().ToLowerInvariant() switch
        {
            "lite" => (PoseModelKind.Lite, (string?)null),
            "full" => (PoseModelKind.Full, null),
            "heavy" => (PoseModelKind.Heavy, null),
            _ when File.Exists(modelText) => (PoseModelKind.Full, Path.GetFullPath(modelText)),
            _ => throw new CliError($"--model '{modelText}': is neither lite, full, heavy nor an existing model file"),
        };

        bool isDrill = parse.GetValue(drill), isGuided = parse.GetValue(guided);
        if (isDrill && isGuided)
        {
            throw new CliError("--drill and --guided: choose one");
        }

        int trialCount = parse.GetValue(trials);
        if (trialCount is < 1 or > 100)
        {
            throw new CliError($"--trials {trialCount}: expected 1 to 100");
        }

        if (parse.GetValue(duration) is { } seconds && !(seconds > 0))
        {
            throw new CliError($"--duration {seconds}: must be positive");
        }

        return new LiveOptions(
            parse.GetValue(camera) ?? "0",
            parse.GetValue(headless),
            settings,
            kind,
            path,
            isDrill ? LiveMode.Drill : isGuided ? LiveMode.Guided : LiveMode.Free,
            parse.GetValue(record),
            parse.GetValue(duration),
            trialCount);
    }
}
