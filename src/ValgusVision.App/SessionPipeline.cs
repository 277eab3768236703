using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using ValgusVision.Pose;

namespace ValgusVision.App;

/// <summary>
/// The one place a session is wired (estimate → refine → metrics → reps/events; the outputs are
/// <see cref="ReportExports"/>'): analyze and batch (through <see cref="AnalysisJob"/>), live and reanalyze only
/// choose the source and the sinks, so a number means the same whichever command made it.
/// </summary>
public static class SessionPipeline
{
    /// <summary>
    /// BlazePose with the session's model and levers as they run live or recorded (<see cref="SessionOptions.LeversFor"/>:
    /// flip averaging, where the user left it to the tool, only for recorded frontal analyses); a still image gets
    /// MediaPipe's static mode.
    /// </summary>
    public static IPoseEstimator CreateEstimator(SessionOptions options, bool stillImage, bool live)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CreateEstimator(options.Model, options.LeversFor(live), stillImage);
    }

    /// <summary>BlazePose with this model and these resolved levers.</summary>
    public static IPoseEstimator CreateEstimator(PoseModelChoice model, PoseLevers levers, bool stillImage)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(levers);
        return new BlazePoseEstimator(levers.ApplyTo(model.Options(stillImage)));
    }

    /// <summary>estimate → refine for one frame at a time, with the session's refinement.</summary>
    public static PoseStage CreatePoseStage(SessionOptions options, IPoseEstimator estimator)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(estimator);
        return new PoseStage(estimator, options.CreateRefiner(), options.CreateHipEstimator());
    }

    /// <summary>Offline: every frame's metrics, then the reps, events (or lunge attempts) and the session's warnings.</summary>
    public static SessionAnalysis Analyze(IReadOnlyList<PoseFrame> poses, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(poses);
        ArgumentNullException.ThrowIfNull(options);
        var analysis = SessionAnalyzer.Analyze(poses, options.Settings);
        if (analysis.Ankle is not null && options.Model.Kind == PoseModelKind.Lite && options.Model.LandmarkModelPath is null)
        {
            // Measured on both lunge samples (samples/README.md): lite's ankle point rises with a heel that stays down,
            // so every attempt reads as heel lift and none gets an angle. Said, so nobody takes it for the ankle's fault.
            analysis = analysis with
            {
                Warnings = analysis.Warnings.Add("the lite model is not suited to the lunge test: on our samples it reported heel lift on every heel-down attempt; use --model full or heavy"),
            };
        }

        if (HipPointWarning(analysis, options) is { } hips)
        {
            analysis = analysis with { Warnings = analysis.Warnings.Add(hips) };
        }

        return analysis;
    }

    /// <summary>
    /// "--hip-centre silhouette kept the model's hips on 29 of 149 frames with a pose: silhouette too wide for a pelvis (20), …":
    /// those frames measure from the model's hips, and a reader of the report must not take them for estimated ones.
    /// Null when no estimator was asked for or it moved the hips on every frame with a pose.
    /// </summary>
    public static string? HipPointWarning(SessionAnalysis analysis, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(options);
        if (HipPointCounts.Of(analysis.Frames) is not { KeptTotal: > 0 } counts)
        {
            return null;
        }

        string reasons = string.Join(", ", counts.Kept.OrderByDescending(k => k.Value).ThenBy(k => k.Key).Select(k => $"{HipPlacement.Describe(k.Key)} ({k.Value})"));
        int asked = counts.Moved + counts.KeptTotal;
        return $"--hip-centre {options.HipCentre.ToName()} kept the model's hips on {counts.KeptTotal} of {asked} frames with a pose: {reasons}; those frames measure from the model's hips";
    }

    /// <summary>Live: metrics, reps and events frame by frame as the poses arrive; the session's report uses <see cref="Analyze"/>.</summary>
    public static LiveSessionAnalyzer StartLive(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new LiveSessionAnalyzer(options.Settings);
    }
}
