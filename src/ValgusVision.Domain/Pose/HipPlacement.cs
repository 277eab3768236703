namespace ValgusVision.Domain.Pose;

/// <summary>Why a hip-point estimator (<c>--hip-centre</c> other than model) kept the model's hips on a frame.</summary>
public enum HipPointIssue
{
    /// <summary>Not kept: the hips were moved (or no estimator was asked for).</summary>
    None,

    /// <summary>The world landmarks cannot say how (hips on one point, a degenerate pelvis or leg).</summary>
    NoWorldLandmarks,

    /// <summary>The frame has no person mask (the silhouette estimator needs one).</summary>
    NoMask,

    /// <summary>A silhouette edge was not found along the hip line.</summary>
    NoEdge,

    /// <summary>The silhouette at hip height is narrower than the joints it must hold.</summary>
    TooNarrow,

    /// <summary>The silhouette at hip height is too wide for a pelvis (an arm, a hand, the other leg, clothes).</summary>
    TooWide,

    /// <summary>The rows above, at and below the hip line disagree about the pelvis's middle.</summary>
    RowsDisagree,

    /// <summary>The silhouette's middle lies too far from the model's mid-hip to be the same pelvis.</summary>
    FarFromModel,
}

/// <summary>
/// What the hip-point estimator did on one frame: <c>default</c> when none was asked for (the model's hips are the
/// hips), else moved, or kept the model's hips and why. The frames CSV, report.json and the overlay say which, so a
/// hip that was not moved is never taken for an estimated one.
/// </summary>
/// <param name="Asked">A hip-point estimator ran on this frame's pose.</param>
/// <param name="Moved">It moved the hips (false: they are the model's).</param>
/// <param name="Issue">Why it kept them; <see cref="HipPointIssue.None"/> when moved.</param>
public readonly record struct HipPlacement(bool Asked, bool Moved, HipPointIssue Issue)
{
    public static HipPlacement Placed { get; } = new(true, true, HipPointIssue.None);

    /// <summary>An estimator ran and kept the model's hips.</summary>
    public bool Kept => Asked && !Moved;

    public static HipPlacement KeptBecause(HipPointIssue issue) => new(true, false, issue);

    /// <summary>The CSV/JSON name of an issue: "no-world-landmarks", "too-wide", …; empty for none.</summary>
    public static string Name(HipPointIssue issue) => issue switch
    {
        HipPointIssue.None => string.Empty,
        HipPointIssue.NoWorldLandmarks => "no-world-landmarks",
        HipPointIssue.NoMask => "no-mask",
        HipPointIssue.NoEdge => "no-edge",
        HipPointIssue.TooNarrow => "too-narrow",
        HipPointIssue.TooWide => "too-wide",
        HipPointIssue.RowsDisagree => "rows-disagree",
        HipPointIssue.FarFromModel => "far-from-model",
        _ => throw new ArgumentOutOfRangeException(nameof(issue), issue, "unknown hip point issue"),
    };

    /// <summary>Words for a report: "too wide for a pelvis".</summary>
    public static string Describe(HipPointIssue issue) => issue switch
    {
        HipPointIssue.None => string.Empty,
        HipPointIssue.NoWorldLandmarks => "no usable 3D landmarks",
        HipPointIssue.NoMask => "no person mask",
        HipPointIssue.NoEdge => "no silhouette edge at the hips",
        HipPointIssue.TooNarrow => "silhouette narrower than the hips",
        HipPointIssue.TooWide => "silhouette too wide for a pelvis",
        HipPointIssue.RowsDisagree => "the silhouette's rows disagree",
        HipPointIssue.FarFromModel => "silhouette too far from the model's pelvis",
        _ => throw new ArgumentOutOfRangeException(nameof(issue), issue, "unknown hip point issue"),
    };

    /// <summary>The inverse of <see cref="Name"/>; null for an unknown name.</summary>
    public static HipPointIssue? ParseIssue(string? text)
    {
        foreach (var issue in Enum.GetValues<HipPointIssue>())
        {
            if (string.Equals(Name(issue), text ?? string.Empty, StringComparison.Ordinal))
            {
                return issue;
            }
        }

        return null;
    }
}
