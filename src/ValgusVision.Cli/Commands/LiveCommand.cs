using System.CommandLine;
using System.Runtime.InteropServices;
using ValgusVision.Domain.Analysis;
using ValgusVision.Live.Session;

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
        var drill = new Option<bool>("--drill") { Description = "knee position-sense drill: hold where the knee is straight over the foot, then see the truth" };
        var trials = CliValues.Integer("--trials", "drill trials per leg (1–100)", 5, 1, 100);
        var guided = new Option<bool>("--guided") { Description = "guided protocol: hip hitch, hinge and squat sets with timers and summaries; with ankle-lunge 3 attempts per leg" };
        var record = new Option<string?>("--record") { Description = "folder for the camera video, frames CSV and session reports" };
        var force = new Option<bool>("--force") { Description = "with --record: overwrite the session already in that folder" };
        var debug = new Option<bool>("--debug") { Description = "also show the developer's figures (fps, latency, the refinement legend) on screen and in the console lines" };
        var duration = CliValues.Number("--duration", "stop after this many seconds", 0.001, SessionOptionSet.MaxTimeSeconds, " s");
        // No --start/--end: a camera has no time range. --exercise auto live: the lunge test when the first seconds
        // show a side view with split feet, else reps counted as single-leg squats.
        var shared = new SessionOptionSet(range: false, recordedOn: false);
        var command = new Command("live", "Real-time webcam feedback during single-leg exercises, the guided protocol and the knee position-sense drill.")
        {
            camera, headless, drill, trials, guided, record, force, duration, debug,
        };
        shared.AddTo(command);
        var open = ReportOpener.CreateOption();
        command.Options.Add(open);
        command.SetAction(parse =>
        {
            bool openReport = parse.GetValue(open);
            if (openReport && parse.GetValue(record) is null)
            {
                throw new CliError($"{ReportOpener.Name}: live writes a report only with --record FOLDER");
            }

            bool isDrill = parse.GetValue(drill), isGuided = parse.GetValue(guided);
            if (isDrill && isGuided)
            {
                throw new CliError("--drill and --guided: choose one");
            }

            string? folder = parse.GetValue(record);
            RecordFolder.Check(folder, parse.GetValue(force));
            var session = shared.Read(parse);
            if (session.Settings.Exercise is Exercise.DoubleLegSquat or Exercise.ForwardLunge)
            {
                // Live feedback follows one stance knee; both knees and the lead leg are only read from a whole recording.
                string name = CliValues.Name(session.Settings.Exercise);
                throw new CliError($"--exercise {name}: not available live; record a video and run valgus analyze --exercise {name}");
            }

            var options = new LiveOptions(
                parse.GetValue(camera) ?? "0",
                parse.GetValue(headless),
                session,
                isDrill ? LiveMode.Drill : isGuided ? LiveMode.Guided : LiveMode.Free,
                folder,
                parse.GetValue(duration),
                parse.GetValue(trials),
                parse.GetValue(debug));
            return Run(options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, openReport);
        });
        return command;
    }

    /// <summary>Runs a session until it ends; exit 0 unless the camera was lost, the recording or the session failed (1, after what was recorded was saved).</summary>
    /// <param name="openReport">--open: show the recorded session's HTML report in the browser (<see cref="ReportOpener"/>).</param>
    public static int Run(LiveOptions options, TextWriter output, TextWriter error, bool openReport = false)
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
        if (openReport && result.Written.FirstOrDefault(f => f.EndsWith("report.html", StringComparison.Ordinal)) is { } html)
        {
            ReportOpener.Open(html, error);
        }
        if (result.EndReason is LiveEndReason.CameraLost or LiveEndReason.RecordingFailed or LiveEndReason.Failed)
        {
            error.WriteLine($"valgus: {result.LostReason}; what was recorded is saved");
            return CliError.Failed;
        }

        return result.EndReason == LiveEndReason.Interrupted ? CliError.Interrupted : 0;
    }
}
