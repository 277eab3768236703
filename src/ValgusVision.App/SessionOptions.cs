using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Recording;
using ValgusVision.Domain.Refinement;

namespace ValgusVision.App;

/// <summary>
/// What every session is asked for, whatever its source and sinks (analyze, batch, live, reanalyze): the analysis
/// settings, the pose model and its levers, the joint-centre refinement and the part of the input to analyse.
/// Filled by one command-line option set, so the same option means the same thing in every command.
/// </summary>
public sealed record SessionOptions
{
    public static SessionOptions Default { get; } = new();

    public AnalysisSettings Settings { get; init; } = AnalysisSettings.Default;

    public PoseModelChoice Model { get; init; } = PoseModelChoice.Default;

    /// <summary>
    /// The pose engine's accuracy levers (flip averaging, heatmap window, ROI scale, smoothing): MediaPipe's by default,
    /// flip averaging decided by use unless the user chose (<see cref="LeversFor"/>).
    /// </summary>
    public PoseLevers Levers { get; init; } = PoseLevers.Default;

    /// <summary>The levers as this session runs them, live or recorded, for its exercise (<see cref="PoseLevers.Resolved"/>).</summary>
    public PoseLevers LeversFor(bool live) => Levers.Resolved(live, Settings.Exercise);

    /// <summary>These options with the levers resolved for that use: what the estimator and the reports see.</summary>
    public SessionOptions ResolvedFor(bool live) => ResolvedFor(live, Settings.Exercise);

    /// <summary>
    /// Resolved for the exercise the analysis found (<c>--exercise auto</c> learns it only from the poses): what the
    /// default would have been had the user named it.
    /// </summary>
    public SessionOptions ResolvedFor(bool live, Exercise analysed) =>
        this with { Levers = Levers.Resolved(live, analysed) };

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
    /// Which point FPPA and hip shift use as each hip (<c>--hip-centre</c>): the model's own hips by default;
    /// docs/accuracy.md, "Hip joint centre", "Anatomical hip spacing" and "Hip from the silhouette", has the numbers of every mode.
    /// </summary>
    public HipCentreMode HipCentre { get; init; } = HipCentreMode.Model;

    /// <summary>The hip estimator <see cref="HipCentre"/> asks for; null for the model's hips.</summary>
    public IHipPointEstimator? CreateHipEstimator() => HipCentre.CreateEstimator();

    /// <summary>The client's name (<c>--client</c>), printed at the top of the reports; null when not given.</summary>
    public string? Client { get; init; }

    /// <summary>The clinician's name (<c>--clinician</c>), printed at the top of the reports; null when not given.</summary>
    public string? Clinician { get; init; }

    /// <summary>
    /// When the session was recorded, when known before the analysis (<c>--recorded-on</c>, source user): it wins over
    /// the container's date. Null: the container's date, else unknown.
    /// </summary>
    public RecordingTime? RecordedAt { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the option of the first bad value.</summary>
    public void Validate()
    {
        Settings.Validate();
        Range.Validate();
        Levers.Validate();
    }
}
