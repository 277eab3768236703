using System.CommandLine;
using ValgusVision.App;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Recording;
using ValgusVision.Domain.Refinement;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// The options every session takes — analyze, batch, live and reanalyze — with one name, one vocabulary and one
/// validation each (<see cref="CliValues"/>), read into the application's <see cref="SessionOptions"/>. A command
/// leaves out what it cannot use: reanalyze runs no model, live plays no time range.
/// </summary>
public sealed class SessionOptionSet
{
    /// <summary>FPPA limits a clinician would set: below 1° every wobble is an event, above 45° none ever is.</summary>
    public const double MinThresholdDeg = 1, MaxThresholdDeg = 45;

    /// <summary>Heights of people (AnalysisSettings checks the same range).</summary>
    public const double MinHeightCm = 50, MaxHeightCm = 300;

    /// <summary>A day of video: far beyond any session, and a typo such as 9e9 is caught.</summary>
    public const double MaxTimeSeconds = 86400;

    /// <summary>Names on a report's client page (<c>--client</c>, <c>--clinician</c>): the longest its header line holds.</summary>
    public const int MaxNameLength = 120;

    private readonly bool _pose;
    private readonly bool _range;
    private readonly bool _recordedOn;

    /// <param name="pose">The pose engine's options (model, refinement, levers): not for reanalyze, which runs no model.</param>
    /// <param name="range">--start/--end: only for recorded inputs.</param>
    /// <param name="recordedOn">--recorded-on: not for live, whose recorder knows when it recorded.</param>
    public SessionOptionSet(bool pose = true, bool range = true, bool recordedOn = true)
    {
        _pose = pose;
        _range = range;
        _recordedOn = recordedOn;

        // Values offered by shell completion (docs/config.md); the parsers below stay the judges of what is valid.
        Exercise.HelpName = "exercise"; // the eight names are in the description; as the label they would widen all of --help
        Model.HelpName = "lite|full|heavy|path";
        Exercise.CompletionSources.Add(CliValues.ExerciseVocabulary.Replace(" or ", ", ", StringComparison.Ordinal).Split(", "));
        Side.CompletionSources.Add("left", "right", "auto");
        Model.CompletionSources.Add("lite", "full", "heavy");
        Refine.CompletionSources.Add("mask", "none");
    }

    public Option<string> Exercise { get; } = new("--exercise")
    {
        Description = $"{CliValues.ExerciseVocabulary} (auto: picked from the motion and the view; a side view with split feet and a leaning front shank is ankle-lunge)",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string> Side { get; } = new("--side")
    {
        Description = "stance leg: left, right or auto (detected per rep)",
        DefaultValueFactory = _ => "auto",
    };

    public Option<double?> Threshold { get; } = CliValues.Number(
        "--threshold",
        $"FPPA in degrees from which a valgus event is counted ({MinThresholdDeg:0}–{MaxThresholdDeg:0}; default {AnalysisSettings.Default.ValgusThresholdDeg:0.#})",
        MinThresholdDeg,
        MaxThresholdDeg,
        "°");

    public Option<double?> HeightCm { get; } = CliValues.Number(
        "--height-cm", $"the person's height ({MinHeightCm:0}–{MaxHeightCm:0} cm), to report hip shift in centimetres too", MinHeightCm, MaxHeightCm, " cm");

    public Option<string> Model { get; } = new("--model")
    {
        Description = "pose landmark model: lite, full, heavy or the path of an ONNX file",
        DefaultValueFactory = _ => "full",
    };

    /// <summary>Joint-centre refinement, with the measured default (docs/accuracy.md).</summary>
    public Option<string> Refine { get; } = new("--refine")
    {
        Description = "joint-centre refinement of knees and ankles: mask (centred in the person's silhouette where it is safe) or none (the model's points)",
        DefaultValueFactory = _ => SessionOptions.Default.Refine.ToName(),
    };

    /// <summary><c>--device cpu|cuda</c>: where the pose models run.</summary>
    public Option<string> Device { get; } = DeviceOption.Create();

    /// <summary><c>--hip-centre model|estimated|anatomical|silhouette</c>; shared with eval.</summary>
    public Option<string> HipCentre { get; } = HipCentreOption();

    /// <summary>The <c>--hip-centre</c> option: which point FPPA and hip shift use as the hip (docs/accuracy.md).</summary>
    public static Option<string> HipCentreOption()
    {
        var option = new Option<string>("--hip-centre")
        {
            Description = "hip point: model (the pose model's hip), estimated (moved by offsets fitted on Human3.6M), anatomical (the model's hips spaced to the published hip joint width) or silhouette (the pelvis's middle from the person mask, hips at that width about it)",
            DefaultValueFactory = _ => HipCentreMode.Model.ToName(),
        };
        option.CompletionSources.Add(HipCentreMode.Model.ToName(), HipCentreMode.Estimated.ToName(), HipCentreMode.Anatomical.ToName(), HipCentreMode.Silhouette.ToName());
        return option;
    }

    /// <summary>The mode named; an unknown name is a one-line <see cref="CliError"/>.</summary>
    public static HipCentreMode ReadHipCentre(ParseResult parse, Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string text = parse.GetValue(option) ?? HipCentreMode.Model.ToName();
        return HipCentreModes.Parse(text) ?? throw new CliError($"--hip-centre: '{text.Trim()}' is not model, estimated, anatomical or silhouette");
    }

    public Option<double?> Start { get; } = CliValues.Number("--start", "analyse from this video time (seconds)", 0, MaxTimeSeconds, " s");

    public Option<double?> End { get; } = CliValues.Number("--end", "analyse up to this video time (seconds)", 0, MaxTimeSeconds, " s");

    public PoseLeverOptionSet Levers { get; } = new();

    /// <summary><c>--client NAME</c>: whose session it is, at the top of the reports (and in report.json).</summary>
    public Option<string?> Client { get; } = new("--client")
    {
        HelpName = "name",
        Description = "the client's name, printed at the top of the reports",
    };

    /// <summary><c>--clinician NAME</c>: who made the recording, at the top of the reports.</summary>
    public Option<string?> Clinician { get; } = new("--clinician")
    {
        HelpName = "name",
        Description = "the clinician's name, printed at the top of the reports",
    };

    /// <summary><c>--recorded-on YYYY-MM-DD[THH:MM]</c>: when the recording was made, over the container's own date.</summary>
    public Option<string?> RecordedOn { get; } = new("--recorded-on")
    {
        HelpName = "YYYY-MM-DD[THH:MM]",
        Description = "when the recording was made (UTC), for the reports and progress; default: the video's own creation time, else unknown",
    };

    /// <summary><c>--config FILE</c>: read before parsing (<see cref="ValgusVision.Cli.Config.ConfigArguments"/>), so it only shows here.</summary>
    public Option<string?> Config { get; } = ValgusVision.Cli.Config.ConfigArguments.CreateOption();

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (Option option in new Option[] { Config, Exercise, Side, Threshold, HeightCm, Client, Clinician })
        {
            command.Options.Add(option);
        }

        if (_pose)
        {
            command.Options.Add(Model);
            command.Options.Add(Device);
            command.Options.Add(Refine);
            command.Options.Add(HipCentre);
        }

        if (_range)
        {
            command.Options.Add(Start);
            command.Options.Add(End);
        }

        if (_recordedOn)
        {
            command.Options.Add(RecordedOn);
        }

        if (_pose)
        {
            Levers.AddTo(command);
        }
    }

    /// <summary>The analysis settings these options ask for (exercise, stance leg, threshold, height).</summary>
    public AnalysisSettings ReadSettings(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var settings = AnalysisSettings.Default with
        {
            Exercise = CliValues.ParseExercise(parse.GetValue(Exercise)),
            StanceOverride = CliValues.ParseSide(parse.GetValue(Side)),
            HeightCm = parse.GetValue(HeightCm),
            ValgusThresholdDeg = parse.GetValue(Threshold) ?? AnalysisSettings.Default.ValgusThresholdDeg,
        };
        return Checked(settings, s => s.Validate());
    }

    /// <summary>Validated session options; each bad value is a one-line <see cref="CliError"/> naming its option.</summary>
    public SessionOptions Read(ParseResult parse)
    {
        var options = new SessionOptions
        {
            Settings = ReadSettings(parse),
            Model = _pose ? CliValues.ParseModel(parse.GetValue(Model)) with { Device = DeviceOption.Read(parse, Device) } : SessionOptions.Default.Model,
            Refine = _pose ? ReadRefine(parse) : SessionOptions.Default.Refine,
            HipCentre = _pose ? ReadHipCentre(parse, HipCentre) : HipCentreMode.Model,
            Levers = _pose ? Levers.Read(parse) : PoseLevers.Default,
            Range = _range ? new TimeRange(parse.GetValue(Start), parse.GetValue(End)) : TimeRange.All,
            Client = ReadName(parse, Client),
            Clinician = ReadName(parse, Clinician),
            RecordedAt = _recordedOn ? ReadRecordedOn(parse) : null,
        };
        return Checked(options, o => o.Validate());
    }

    /// <summary>The <c>--recorded-on</c> date; null when not given; anything but a date or a date and time is a one-line error.</summary>
    private RecordingTime? ReadRecordedOn(ParseResult parse)
    {
        string? text = parse.GetValue(RecordedOn);
        if (text is null)
        {
            return null;
        }

        return RecordingTimeSources.ParseUser(text)
            ?? throw new CliError($"--recorded-on: '{text.Trim()}' is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)");
    }

    /// <summary>A name as given, trimmed; null when absent or blank. A control character or an over-long name is a one-line error.</summary>
    private static string? ReadName(ParseResult parse, Option<string?> option)
    {
        string? text = parse.GetValue(option)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Any(char.IsControl))
        {
            throw new CliError($"{option.Name}: the name holds a control character (a tab or a line break)");
        }

        return text.Length <= MaxNameLength
            ? text
            : throw new CliError($"{option.Name}: {text.Length} characters; at most {MaxNameLength}");
    }

    private JointRefinementMode ReadRefine(ParseResult parse)
    {
        string text = parse.GetValue(Refine) ?? SessionOptions.Default.Refine.ToName();
        return JointRefinementModes.Parse(text) ?? throw new CliError($"--refine: '{text}' is not mask or none");
    }

    private static T Checked<T>(T value, Action<T> validate)
    {
        try
        {
            validate(value);
            return value;
        }
        catch (ArgumentException e)
        {
            string option = e.ParamName switch
            {
                nameof(AnalysisSettings.ValgusThresholdDeg) => "--threshold: ",
                nameof(AnalysisSettings.HeightCm) => "--height-cm: ",
                _ => string.Empty,
            };
            throw new CliError(option + e.Message.Split(" (Parameter", 2)[0], CliError.BadInput, e);
        }
    }
}
