using System.CommandLine;
using ValgusVision.App;

namespace ValgusVision.Cli.Commands;

/// <summary>The pose engine's accuracy levers on the command line (analyze, batch, eval); defaults: <see cref="PoseLevers.Default"/>.</summary>
public sealed class PoseLeverOptionSet
{
    public Option<string> Flip { get; } = new("--flip-average")
    {
        Description = "on: also run the landmark model on the mirrored crop and average the two (about twice the pose time); off (default)",
        DefaultValueFactory = _ => PoseLevers.Default.FlipAveraging ? "on" : "off",
    };

    public Option<int> HeatmapWindow { get; } = new("--heatmap-window")
    {
        Description = "heatmap refinement window in cells (odd; 0 = off)",
        DefaultValueFactory = _ => PoseLevers.Default.HeatmapWindow,
    };

    public Option<float> RoiScale { get; } = new("--roi-scale")
    {
        Description = "landmark crop size as a multiple of the body's extent",
        DefaultValueFactory = _ => PoseLevers.Default.RoiScale,
    };

    public Option<string> Smoothing { get; } = new("--smoothing")
    {
        Description = "landmark smoothing over time: on (One-Euro) or off",
        DefaultValueFactory = _ => "on",
    };

    public Option<double> MinCutoff { get; } = new("--smoothing-min-cutoff")
    {
        Description = "the One-Euro filter's cutoff at rest, Hz (higher = less lag at a squat's bottom, more jitter)",
        DefaultValueFactory = _ => PoseLevers.Default.SmoothingMinCutoffHz,
    };

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
        bool flip = OnOff(parse, Flip, "--flip-average");

        var levers = new PoseLevers
        {
            FlipAveraging = flip,
            HeatmapWindow = parse.GetValue(HeatmapWindow),
            RoiScale = parse.GetValue(RoiScale),
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

    private static bool OnOff(ParseResult parse, Option<string> option, string name)
    {
        string text = (parse.GetValue(option) ?? "on").Trim().ToLowerInvariant();
        return text switch
        {
            "on" => true,
            "off" => false,
            _ => throw new CliError($"{name}: '{text}' is not on or off"),
        };
    }
}
