using System.Collections.Immutable;

namespace ValgusVision.Domain.Pose;

/// <summary>
/// A reusable, caller-owned buffer an <see cref="IPoseEstimator"/> fills each frame (so the hot path allocates
/// nothing). Take a <see cref="Snapshot"/> to keep a frame's pose: the buffer's contents change on the next call.
/// </summary>
public sealed class PoseResult
{
    public Landmark[] Landmarks { get; } = new Landmark[BodyLandmarks.Count];

    public WorldLandmark[] WorldLandmarks { get; } = new WorldLandmark[BodyLandmarks.Count];

    /// <summary>The segmentation of the same inference; filled only when <see cref="HasSegmentation"/>.</summary>
    public PersonMask Segmentation { get; } = new();

    public bool HasPose { get; set; }

    public bool HasSegmentation { get; set; }

    /// <summary>The landmark model's pose-presence probability (0 when no landmark model ran).</summary>
    public float PresenceScore { get; set; }

    /// <summary>The ROI the landmark model ran on.</summary>
    public RotatedRoi Roi { get; set; }

    public bool DetectorRan { get; set; }

    /// <summary>
    /// People the estimator's last people count found (it may be from an earlier frame: the count runs every so often,
    /// not on every frame); null before the first count.
    /// </summary>
    public int? PeopleDetected { get; set; }

    /// <summary>True when the people count ran on this frame (its time is in the detector stage).</summary>
    public bool PeopleCounted { get; set; }

    /// <summary>True when the only person found was too far from the locked subject to be it: no pose, not a switch.</summary>
    public bool SubjectLost { get; set; }

    /// <summary>True when continuity says the model may have swapped the left and right legs on this frame.</summary>
    public bool LegSwapSuspected { get; set; }

    /// <summary>What the joint-centre refinement did to this frame's knees and ankles (default: not run).</summary>
    public JointRefinement Refinement { get; set; }

    /// <summary>What the hip-point estimator did (default: none asked for, the model's hips).</summary>
    public HipPlacement Hips { get; set; }

    /// <summary>The shanks' silhouette axes read from this frame's mask (default: not read).</summary>
    public ShankAxes ShankAxes { get; set; }

    /// <summary>The feet's silhouette bases under the refined ankles (default: not read).</summary>
    public FootBases FootBases { get; set; }

    public double TimestampSeconds { get; set; }

    public int ImageWidth { get; set; }

    public int ImageHeight { get; set; }

    public PoseStageTimings Timings { get; set; }

    public void Clear()
    {
        HasPose = false;
        HasSegmentation = false;
        PresenceScore = 0;
        Roi = default;
        DetectorRan = false;
        PeopleDetected = null;
        PeopleCounted = false;
        SubjectLost = false;
        LegSwapSuspected = false;
        Refinement = default;
        Hips = default;
        ShankAxes = default;
        FootBases = default;
        Timings = default;
        Array.Clear(Landmarks);
        Array.Clear(WorldLandmarks);
    }

    /// <summary>An immutable copy of this frame's pose, safe to keep.</summary>
    public PoseFrame Snapshot(int frameIndex) => new(
        frameIndex,
        TimestampSeconds,
        ImageWidth,
        ImageHeight,
        HasPose,
        HasPose ? ImmutableArray.Create(Landmarks) : [],
        HasPose ? ImmutableArray.Create(WorldLandmarks) : [],
        PresenceScore,
        LegSwapSuspected)
    {
        Refinement = HasPose ? Refinement : default,
        Hips = HasPose ? Hips : default,
        ShankAxes = HasPose ? ShankAxes : default,
        FootBases = HasPose ? FootBases : default,
        PeopleDetected = PeopleDetected,
        SubjectLost = !HasPose && SubjectLost,
    };
}
