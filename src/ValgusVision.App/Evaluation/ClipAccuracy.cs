using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// One clip measured against its truth: each true rep (<see cref="Reps"/>) and the clip's totals over them. Errors are
/// ours − truth; FPPA in degrees, hip shift in percentage points of leg length, joints in image pixels.
/// </summary>
/// <param name="Clip">The clip's file name.</param>
/// <param name="Stance">The truth's stance leg.</param>
/// <param name="OurReps">How many reps the tool counted (any side).</param>
/// <param name="ExtraReps">The tool's reps that match no true rep.</param>
/// <param name="FppaAtBottoms">FPPA errors at the bottoms of the found reps.</param>
/// <param name="FppaDeep">FPPA errors over every rep's deep frames.</param>
/// <param name="HipShiftAtBottoms">Hip-shift errors at the found reps' bottoms.</param>
/// <param name="Joints">Pixel errors of the six joints over every frame with a pose.</param>
/// <param name="ViewWarning">The tool warned about the view in at least one rep.</param>
/// <param name="MaxOffAxisDeg">The largest body yaw the tool saw in any rep.</param>
public sealed record ClipAccuracy(
    string Clip,
    Side Stance,
    int Frames,
    int FramesWithPose,
    int TruthReps,
    int OurReps,
    int ExtraReps,
    ImmutableArray<RepAccuracy> Reps,
    ErrorSummary FppaAtBottoms,
    ErrorSummary FppaDeep,
    ErrorSummary HipShiftAtBottoms,
    ImmutableArray<JointAccuracy> Joints,
    bool ViewWarning,
    double? MaxOffAxisDeg)
{
    /// <summary>Every true rep was found once and nothing else was counted.</summary>
    public bool RepCountCorrect => OurReps == TruthReps && ExtraReps == 0 && Reps.All(r => r.Found);
}
