namespace ValgusVision.Domain.Refinement;

/// <summary>How the knee and ankle points are placed before the biomechanics (<c>--refine</c>).</summary>
public enum JointRefinementMode
{
    /// <summary>The pose model's own points.</summary>
    None,

    /// <summary>Knee and ankle moved to the middle of the limb's silhouette in the model's person mask, where guarded.</summary>
    Mask,
}

public static class JointRefinementModes
{
    /// <summary>The command-line and report name ("none", "mask").</summary>
    public static string ToName(this JointRefinementMode mode) => mode == JointRefinementMode.Mask ? "mask" : "none";

    /// <summary>Parses "none"/"mask" (any case); null for anything else.</summary>
    public static JointRefinementMode? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "none" => JointRefinementMode.None,
        "mask" => JointRefinementMode.Mask,
        _ => null,
    };

    /// <summary>What the reports print under "joint-centre refinement".</summary>
    public static string Describe(this JointRefinementMode mode) => mode == JointRefinementMode.Mask
        ? "mask (knee and ankle centred across the limb in the person mask; the model's point kept where a guard fails)"
        : "none (the pose model's points)";
}
