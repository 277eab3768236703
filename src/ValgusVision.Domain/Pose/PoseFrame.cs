using System.Collections.Immutable;

namespace ValgusVision.Domain.Pose;

/// <summary>
/// One frame's pose as the biomechanics see it: immutable, timestamped. When <see cref="HasPose"/> is false both
/// landmark arrays are empty. Landmarks are in pixels of the (rotation-corrected) frame.
/// </summary>
public sealed record PoseFrame(
    int FrameIndex,
    double TimeSeconds,
    int ImageWidth,
    int ImageHeight,
    bool HasPose,
    ImmutableArray<Landmark> Landmarks,
    ImmutableArray<WorldLandmark> WorldLandmarks,
    float PresenceScore,
    bool LegSwapSuspected)
{
    /// <summary>What the joint-centre refinement did to the knees and ankles (default: not run, nothing flagged).</summary>
    public JointRefinement Refinement { get; init; }

    /// <summary>What the hip-point estimator (<c>--hip-centre</c>) did to the hips (default: none asked for).</summary>
    public HipPlacement Hips { get; init; }

    /// <summary>The shanks' axes from the person mask (<c>Refinement.ShankAxisFinder</c>; default: not read).</summary>
    public ShankAxes ShankAxes { get; init; }

    /// <summary>The feet's silhouette bases under the refined ankles (<c>Refinement.FootBaseFinder</c>; default: not read).</summary>
    public FootBases FootBases { get; init; }

    /// <summary>
    /// People the pose detector saw at its last people count, on this frame or up to the count interval before it
    /// (docs/frames-csv.md); null when no count was made.
    /// </summary>
    public int? PeopleDetected { get; init; }

    /// <summary>No pose because the person found was too far from the locked subject to be it (the lock refused a switch).</summary>
    public bool SubjectLost { get; init; }

    public Landmark this[BodyLandmark landmark] => Landmarks[(int)landmark];

    public WorldLandmark World(BodyLandmark landmark) => WorldLandmarks[(int)landmark];

    public static PoseFrame NoPose(int frameIndex, double timeSeconds, int width, int height) =>
        new(frameIndex, timeSeconds, width, height, false, [], [], 0f, false);
}
