namespace ValgusVision.Domain.Refinement;

/// <summary>Which point FPPA and hip shift use as each hip (<c>--hip-centre</c>; docs/accuracy.md measures each).</summary>
public enum HipCentreMode
{
    /// <summary>The pose model's own hip points.</summary>
    Model,

    /// <summary>The model's hips moved by the offsets fitted on Human3.6M (<see cref="HipJointCentreEstimator"/>).</summary>
    Estimated,

    /// <summary>The model's mid-hip and hip line, spaced to the published hip joint width (<see cref="AnatomicalHipSpacing"/>).</summary>
    Anatomical,

    /// <summary>The pelvis's middle from the person mask, the hips at the published joint width about it (<see cref="SilhouetteHipCentre"/>).</summary>
    Silhouette,
}

public static class HipCentreModes
{
    /// <summary>The command-line and report name ("model", "estimated", "anatomical", "silhouette").</summary>
    public static string ToName(this HipCentreMode mode) => mode switch
    {
        HipCentreMode.Estimated => "estimated",
        HipCentreMode.Anatomical => "anatomical",
        HipCentreMode.Silhouette => "silhouette",
        _ => "model",
    };

    /// <summary>Parses a <see cref="ToName"/> name (any case); null for anything else.</summary>
    public static HipCentreMode? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "model" => HipCentreMode.Model,
        "estimated" => HipCentreMode.Estimated,
        "anatomical" => HipCentreMode.Anatomical,
        "silhouette" => HipCentreMode.Silhouette,
        _ => null,
    };

    /// <summary>What the reports print under "hip point".</summary>
    public static string Describe(this HipCentreMode mode) => mode switch
    {
        HipCentreMode.Estimated => "estimated hip joint centre (Human3.6M fit)",
        HipCentreMode.Anatomical => "the model's hips spaced to the anatomical hip joint width (Hara et al. 2016)",
        HipCentreMode.Silhouette => "the pelvis's middle from the silhouette, hips at the anatomical joint width (Hara et al. 2016)",
        _ => "the model's hip",
    };

    /// <summary>The estimator a mode asks for; null for the model's own hips.</summary>
    public static IHipPointEstimator? CreateEstimator(this HipCentreMode mode) => mode switch
    {
        HipCentreMode.Estimated => new HipJointCentreEstimator(HipJointCentreSettings.H36mFit),
        HipCentreMode.Anatomical => new AnatomicalHipSpacing(),
        HipCentreMode.Silhouette => new SilhouetteHipCentre(),
        _ => null,
    };
}
