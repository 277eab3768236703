using System.CommandLine;
using ValgusVision.App;

namespace ValgusVision.Cli.Commands;

/// <summary>The pose engine's accuracy levers on the command line (analyze, batch, eval); defaults are MediaPipe's.</summary>
public sealed class PoseLeverOptionSet
{
    public Option<bool> Flip { get; } = new("--flip-average")
    {
        Description = "also run the landmark model on the mirrored crop and average the two (about twice the pose time)",
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

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Flip, HeatmapWindow, RoiScale, Smoothing, MinCutoff })
        {
            command.Options.Add(option);
        }
    }

    public PoseLevers Read(ParseResult parse)
    {
        string smoothing = (parse.GetValue(Smoothing) ?? "on").Trim().ToLowerInvariant();
        if (smoothing is not ("on" or "off"))
        {
            throw new CliError($"--smoothing: '{smoothing}' is not on or off");
        }

        var levers = new PoseLevers
        {
            FlipAveraging = parse.GetValue(Flip),
            HeatmapWindow = parse.GetValue(HeatmapWindow),
            RoiScale = parse.GetValue(RoiScale),
            Smoothing = smoothing == "on",
            SmoothingMinCutoffHz = parse.GetValue(MinCutoff),
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
}
