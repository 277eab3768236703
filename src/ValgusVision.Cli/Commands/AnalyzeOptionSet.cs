using System.CommandLine;
using ValgusVision.App;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Refinement;

namespace ValgusVision.Cli.Commands;

/// <summary>The analysis options <c>valgus analyze</c> and <c>valgus batch</c> share, and their translation into <see cref="AnalyzeOptions"/>.</summary>
public sealed class AnalyzeOptionSet
{
    public Option<string> Exercise { get; } = new("--exercise")
    {
        Description = "single-leg-squat, hinge, hip-hitch, drop-jump, ankle-lunge (weight-bearing lunge test, side view) or auto (picked from the motion and the view: a side view with split feet and a leaning front shank is ankle-lunge)",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string> Side { get; } = new("--side")
    {
        Description = "stance leg: left, right or auto (detected per rep)",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string> Model { get; } = new("--model")
    {
        Description = "pose landmark model: lite, full, heavy or the path of an ONNX file",
        DefaultValueFactory = _ => "full",
    };

    public Option<double?> Threshold { get; } = new("--threshold")
    {
        Description = $"FPPA in degrees from which a valgus event is counted (default {AnalysisSettings.Default.ValgusThresholdDeg:0.#})",
    };

    public Option<double?> HeightCm { get; } = new("--height-cm")
    {
        Description = "the person's height, to report hip shift in centimetres too",
    };

    public Option<string> Formats { get; } = new("--formats")
    {
        Description = "outputs to write: any of video,csv,json,html,pdf",
        DefaultValueFactory = _ => "video,csv,json,html,pdf",
    };

    /// <summary>Joint-centre refinement (<see cref="ReadRefine"/>); shared with every command that runs the pose engine.</summary>
    public Option<string> Refine { get; } = RefineOption();

    public Option<double?> Start { get; } = new("--start") { Description = "analyse from this video time (seconds)" };

    public Option<double?> End { get; } = new("--end") { Description = "analyse up to this video time (seconds)" };

    public PoseLeverOptionSet Levers { get; } = new();

    public Option<string> Device { get; } = DeviceOption.Create();

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Exercise, Side, Model, Device, Threshold, HeightCm, Formats, Refine, Start, End })
        {
            command.Options.Add(option);
        }

        Levers.AddTo(command);
    }

    /// <summary>The <c>--refine none|mask</c> option, with the measured default (docs/accuracy.md).</summary>
    public static Option<string> RefineOption() => new("--refine")
    {
        Description = "joint-centre refinement of knees and ankles: mask (centred in the person's silhouette where it is safe) or none (the model's points)",
        DefaultValueFactory = _ => new AnalyzeOptions().Refine.ToName(),
    };

    /// <summary>The refinement asked for; an unknown name is a one-line <see cref="CliError"/>.</summary>
    public static JointRefinementMode ReadRefine(ParseResult parse, Option<string> option)
    {
        string text = parse.GetValue(option) ?? new AnalyzeOptions().Refine.ToName();
        return JointRefinementModes.Parse(text) ?? throw new CliError($"--refine: '{text}' is not mask or none");
    }

    /// <summary>Validated options; bad values become one-line <see cref="CliError"/>s naming the option.</summary>
    public AnalyzeOptions Read(ParseResult parse, string outputDirectory)
    {
        string exerciseText = parse.GetValue(Exercise) ?? "auto";
        var exercise = ExerciseNames.Parse(exerciseText)
            ?? throw new CliError($"--exercise: '{exerciseText}' is not single-leg-squat, hinge, hip-hitch, drop-jump, ankle-lunge or auto");
        string sideText = parse.GetValue(Side) ?? "auto";
        Side? side = string.Equals(sideText, "auto", StringComparison.OrdinalIgnoreCase)
            ? null
            : SideExtensions.Parse(sideText) ?? throw new CliError($"--side: '{sideText}' is not left, right or auto");
        var levers = Levers.Read(parse);
        try
        {
            var settings = AnalysisSettings.Default with
            {
                Exercise = exercise,
                StanceOverride = side,
                HeightCm = parse.GetValue(HeightCm),
                ValgusThresholdDeg = parse.GetValue(Threshold) ?? AnalysisSettings.Default.ValgusThresholdDeg,
            };
            var options = new AnalyzeOptions
            {
                OutputDirectory = outputDirectory,
                Formats = OutputFormatNames.Parse(parse.GetValue(Formats) ?? "all"),
                Settings = settings,
                Model = PoseModelChoice.Parse(parse.GetValue(Model) ?? "full") with { Device = DeviceOption.Read(parse, Device) },
                Range = new TimeRange(parse.GetValue(Start), parse.GetValue(End)),
                Levers = levers,
                Refine = ReadRefine(parse, Refine),
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
