namespace ValgusVision.Domain.Pose;

/// <summary>Why the refinement kept the model's point for a joint (the first reason met on the frame).</summary>
public enum RefinementIssue : byte
{
    None = 0,

    /// <summary>The frame has no person mask (the estimator gave none).</summary>
    NoMask,

    /// <summary>The model's point is not inside the mask, or the mask ends before the limb's edge does.</summary>
    OutsideMask,

    /// <summary>Another leg or an arm lies on or next to the scan line: the silhouette may be two limbs merged.</summary>
    LimbTouching,

    /// <summary>No edge within the widest plausible limb: the run spans more than one limb or a shadow.</summary>
    NoEdge,

    /// <summary>The measured width is not a plausible knee or ankle (loose trousers, a skirt, a thin mask).</summary>
    ImplausibleWidth,

    /// <summary>
    /// The limb is not an upright leg seen from the front (thigh or shank tilted far from vertical, or the knee bent
    /// sharply in the image): the scan line would cut the foot or the bend's filled-in inside.
    /// </summary>
    Posture,

    /// <summary>Neighbouring scan lines disagree on the width (a trouser hem, a shoe's collar, a hand on the leg).</summary>
    UnevenEdges,

    /// <summary>The model's point sits far off the run's middle: the run is likely not this limb alone.</summary>
    Asymmetric,
}

public static class RefinementIssues
{
    /// <summary>The CSV and JSON name ("limb-touching"); empty for <see cref="RefinementIssue.None"/>.</summary>
    public static string ToName(this RefinementIssue issue) => issue switch
    {
        RefinementIssue.NoMask => "no-mask",
        RefinementIssue.OutsideMask => "outside-mask",
        RefinementIssue.LimbTouching => "limb-touching",
        RefinementIssue.NoEdge => "no-edge",
        RefinementIssue.ImplausibleWidth => "implausible-width",
        RefinementIssue.Asymmetric => "asymmetric",
        RefinementIssue.Posture => "posture",
        RefinementIssue.UnevenEdges => "uneven-edges",
        _ => string.Empty,
    };

    public static RefinementIssue Parse(string? text) => text?.Trim() switch
    {
        "no-mask" => RefinementIssue.NoMask,
        "outside-mask" => RefinementIssue.OutsideMask,
        "limb-touching" => RefinementIssue.LimbTouching,
        "no-edge" => RefinementIssue.NoEdge,
        "implausible-width" => RefinementIssue.ImplausibleWidth,
        "asymmetric" => RefinementIssue.Asymmetric,
        "posture" => RefinementIssue.Posture,
        "uneven-edges" => RefinementIssue.UnevenEdges,
        _ => RefinementIssue.None,
    };
}
