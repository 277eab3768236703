using System.Globalization;
using ValgusVision.Domain.Refinement;
using ValgusVision.Pose;
using ValgusVision.Pose.Runtime;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// The settings a report's technical appendix lists beyond the analysis' own: the pose options by the names a user
/// types (<c>--model full</c>, <c>--refine mask</c>), a lever only when it differs from the command's own default
/// (MediaPipe's, and flip averaging as <see cref="PoseLevers.DefaultFlipAveraging"/> decides it: the rest shaped nothing
/// a reader must know), then what only this kind of session has. report.json keeps every setting.
/// </summary>
public static class ReportAppendix
{
    public static IReadOnlyList<KeyValuePair<string, string>> Settings(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = context.Session;
        var rows = new List<KeyValuePair<string, string>>();
        void Add(string name, string value) => rows.Add(new(name, value));
        var c = CultureInfo.InvariantCulture;
        if (context.PoseSource is { } source)
        {
            // A frames CSV's poses were made by another run, under options this one does not know.
            Add("poses from", source);
        }
        else
        {
            Add("--model", session.Model.Name);
            if (session.Model.Device != ExecutionDevice.Cpu)
            {
                Add("--device", session.Model.Device.ToString().ToLowerInvariant());
            }

            Add("--refine", session.Refine.ToName());
            var levers = session.Levers;
            var defaults = PoseLevers.Default;
            // Named only when it differs from what the same command would choose by itself for this exercise.
            bool live = context.Kind == SourceKind.Camera;
            if (levers.FlipAveraging is { } flip && flip != PoseLevers.DefaultFlipAveraging(live, context.Session.Settings.Exercise))
            {
                Add("--flip-average", flip ? "on" : "off");
            }

            if (levers.HeatmapWindow != defaults.HeatmapWindow)
            {
                Add("--heatmap-window", levers.HeatmapWindow.ToString(c));
            }

            if (levers.RoiScale != defaults.RoiScale)
            {
                Add("--roi-scale", levers.RoiScale.ToString("0.###", c));
            }

            if (levers.Smoothing != defaults.Smoothing)
            {
                Add("--smoothing", levers.Smoothing ? "on" : "off");
            }

            if (levers.Smoothing && levers.SmoothingMinCutoffHz != defaults.SmoothingMinCutoffHz)
            {
                Add("--smoothing-min-cutoff", levers.SmoothingMinCutoffHz.ToString("0.###", c));
            }

            if (levers.CropSampling != defaults.CropSampling)
            {
                Add("--crop-sampling", levers.CropSampling == CropSampling.PixelCentres ? "centres" : "corner");
            }
        }

        Add("--hip-centre", session.HipCentre.ToName());
        if (session.Range.StartSeconds is { } start)
        {
            Add("--start", start.ToString("0.###", c));
        }

        if (session.Range.EndSeconds is { } end)
        {
            Add("--end", end.ToString("0.###", c));
        }

        Add("frame times", context.FrameTimes);
        if (context.VideoEncoder is { } encoder)
        {
            Add("overlay video", encoder);
        }

        rows.AddRange(context.ExtraSettings);
        return rows;
    }
}
