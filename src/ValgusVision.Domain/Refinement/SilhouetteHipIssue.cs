namespace ValgusVision.Domain.Refinement;

/// <summary>Why <see cref="SilhouetteHipCentre"/> kept the model's hips on a frame.</summary>
public enum SilhouetteHipIssue
{
    /// <summary>Placed from the silhouette.</summary>
    None,

    /// <summary>No usable pose or world landmarks (hips on one point, a degenerate leg).</summary>
    NoPose,

    /// <summary>The frame has no person mask.</summary>
    NoMask,

    /// <summary>A silhouette edge was not found along the hip line (the mask's area ends first).</summary>
    NoEdge,

    /// <summary>The silhouette at hip height is narrower than the joints it must hold.</summary>
    TooNarrow,

    /// <summary>The silhouette at hip height is too wide for a pelvis: an arm, hand, the other leg or clothes.</summary>
    TooWide,

    /// <summary>The rows above, at and below the hip line disagree about the middle.</summary>
    RowsDisagree,

    /// <summary>The middle lies too far from the model's mid-hip to be the same pelvis.</summary>
    FarFromModel,
}
