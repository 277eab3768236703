using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Refinement;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>Everything <c>valgus analyze</c> and <c>valgus batch</c> were asked for, validated once.</summary>
public sealed record AnalyzeOptions
{
    public string OutputDirectory { get; init; } = ".";

    public OutputFormats Formats { get; init; } = OutputFormats.All;

    public AnalysisSettings Settings { get; init; } = AnalysisSettings.Default;

    public PoseModelChoice Model { get; init; } = PoseModelChoice.Default;

    /// <summary>The pose engine's accuracy levers (flip averaging, heatmap window, ROI scale, smoothing); MediaPipe's by default.</summary>
    public PoseLevers Levers { get; init; } = PoseLevers.Default;

    public TimeRange Range { get; init; } = TimeRange.All;

    /// <summary>
    /// Joint-centre refinement of knees and ankles (<c>--refine</c>). Mask by default: on the frontal rendered samples
    /// it cut the FPPA error at the rep bottoms (docs/accuracy.md), and on real people its guards keep it from ever
    /// moving a point away from the annotation (JointRefinementRealPeopleTests).
    /// </summary>
    public JointRefinementMode Refine { get; init; } = JointRefinementMode.Mask;

    /// <summary>The refiner <see cref="Refine"/> asks for; null for none.</summary>
    public JointCentreRefiner? CreateRefiner() =>
        Refine == JointRefinementMode.Mask ? new JointCentreRefiner(visibilityGate: Settings.VisibilityGate) : null;

    /// <summary>
    /// Move the model's hips to the estimated hip joint centres (<c>--hip-centre estimated</c>,
    /// <see cref="HipJointCentreEstimator"/>). Off by default: docs/accuracy.md, "Hip joint centre", has the numbers.
    /// </summary>
    public bool EstimateHipCentre { get; init; }

    /// <summary>The hip estimator <see cref="EstimateHipCentre"/> asks for; null for the model's hips.</summary>
    public HipJointCentreEstimator? CreateHipEstimator() =>
        EstimateHipCentre ? new HipJointCentreEstimator(HipJointCentreSettings.H36mFit) : null;

    /// <summary>The ffmpeg that encodes H.264; null = OpenCV's mp4v fallback (found once, at start).</summary>
    public string? FfmpegPath { get; init; } = VideoEncoders.FindFfmpeg();

    public void Validate()
    {
        Settings.Validate();
        Range.Validate();
        Levers.Validate();
        if (Formats == OutputFormats.None)
        {
            throw new ArgumentException("--formats: name at least one output");
        }
    }
}
