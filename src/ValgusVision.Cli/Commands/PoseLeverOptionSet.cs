using System.CommandLine;
using ValgusVision.App;

namespace ValgusVision.Cli.Commands;

/// <summary>The pose engine's accuracy levers on the command line (analyze, batch, eval); defaults: <see cref="PoseLevers.Default"/>.</summary>
public sealed class PoseLeverOptionSet
{
    public Option<string> Flip { get; } = new("--flip-average")
    {
        Description = "on: also run the landmark model on the mirrored crop and average the two (about twice the pose time); off; auto (default: on for recorded frontal analyses, off live and for the ankle lunge)",
        DefaultValueFactory = _ => "auto",
    };

    // The ranges of these three are PoseLevers.Validate's, so its messages (which name the option) stay the only ones.
    public Option<int> HeatmapWindow { get; } = CliValues.Integer(
        "--heatmap-window", "heatmap refinement window in cells (odd; 0 = off)", PoseLevers.Default.HeatmapWindow, int.MinValue, int.MaxValue);

    public Option<double> RoiScale { get; } = CliValues.Number(
        "--roi-scale", "landmark crop size as a multiple of the body's extent (0.5–3)", PoseLevers.Default.RoiScale);

    public Option<string> Smoothing { get; } = new("--smoothing")
    {
        Description = "landmark smoothing over time: on (One-Euro) or off",
        DefaultValueFactory = _ => "on",
    };

    public Option<double> MinCutoff { get; } = CliValues.Number(
        "--smoothing-min-cutoff", "the One-Euro filter's cutoff at rest, Hz (higher = less lag at a squat's bottom, more jitter)", PoseLevers.Default.SmoothingMinCutoffHz);

    public Option<string> CropSampling { get; } = new("--crop-sampling")
    {
        Description = "how the crops sample the frame: corner (MediaPipe's CPU convention, default) or centres (pixel centres, mirror-symmetric)",
        DefaultValueFactory = _ => "corner",
    };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Flip, HeatmapWindow, RoiScale, Smoothing, MinCutoff, CropSampling })
        {
            command.Options.Add(option);
        }
    }

    public PoseLevers Read(ParseResult parse)
    {
        bool smoothing = OnOff(parse, Smoothing, "--smoothing");
        string flipText = parse.GetValue(Flip) ?? "auto";
        bool? flip = flipText.Trim().ToLowerInvariant() switch
        {
            "auto" => null,
            "on" => true,
            "off" => false,
            _ => throw new CliError($"--flip-average: '{flipText}' is not on, off or auto"),
        };

        var levers = new PoseLevers
        {
            FlipAveraging = flip,
            HeatmapWindow = parse.GetValue(HeatmapWindow),
            RoiScale = (float)parse.GetValue(RoiScale),
            Smoothing = smoothing,
            SmoothingMinCutoffHz = parse.GetValue(MinCutoff),
            CropSampling = (parse.GetValue(CropSampling) ?? "corner").Trim().ToLowerInvariant() switch
            {
                "corner" => ValgusVision.Pose.CropSampling.CornerAligned,
                "centres" or "centers" => ValgusVision.Pose.CropSampling.PixelCentres,
                var other => throw new CliError($"--crop-sampling: '{other}' is not corner or centres"),
            },
        };
        try
        {
            levers.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CliError(e.Message, CliError.BadInput, e);
        }

        return levers;
    }

    private static bool OnOff(ParseResult parse, Option<string> option, string name) => CliValues.ParseOnOff(name, parse.GetValue(option));
}
