using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Refinement;
using ValgusVision.Pose;

namespace ValgusVision.Live.Session;

/// <summary>What <c>valgus live</c> was asked to do.</summary>
/// <param name="Camera">Camera index, stream URL, or a video file played as if it were a camera.</param>
/// <param name="Headless">No window: live metrics go to the console.</param>
/// <param name="Settings">Analysis settings (exercise, stance override, threshold).</param>
/// <param name="Model">Pose model kind; <paramref name="LandmarkModelPath"/> overrides it with a file.</param>
/// <param name="Mode">Free training, the guided protocol, or the position-sense drill.</param>
/// <param name="RecordFolder">Where to stream the camera video and frames CSV and write the report; null = no recording.</param>
/// <param name="MaxSeconds">Stop after this long (for tests and timed demos); null = until quit.</param>
/// <param name="DrillTrials">Trials per leg in the drill.</param>
/// <param name="Refine">Joint-centre refinement of knees and ankles from the person mask.</param>
public sealed record LiveOptions(
    string Camera,
    bool Headless,
    AnalysisSettings Settings,
    PoseModelKind Model,
    string? LandmarkModelPath,
    LiveMode Mode,
    string? RecordFolder,
    double? MaxSeconds = null,
    int DrillTrials = 5,
    JointRefinementMode Refine = JointRefinementMode.Mask)
{
    /// <summary>Where ONNX Runtime runs the pose models (<c>--device</c>).</summary>
    public Pose.Runtime.ExecutionDevice Device { get; init; }

    public string ModelName => LandmarkModelPath is null ? Model.ToString().ToLowerInvariant() : Path.GetFileName(LandmarkModelPath);
}
