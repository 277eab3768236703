namespace ValgusVision.Domain.Ankle;

/// <summary>Which line a tibial angle was measured on.</summary>
public enum ShankLine
{
    /// <summary>
    /// The shank's silhouette axis in the person mask (<see cref="Refinement.ShankAxisFinder"/>): within 2° of the true
    /// shank on our rendered side views.
    /// </summary>
    Silhouette,

    /// <summary>
    /// The model's knee and ankle points, when the mask gave no clear outline (or <c>--refine none</c>): BlazePose reads
    /// a side-view shank up to 5–6° flat on our rendered samples.
    /// </summary>
    Landmarks,
}

public static class ShankLines
{
    /// <summary>The CSV and JSON name.</summary>
    public static string ToName(this ShankLine line) => line == ShankLine.Silhouette ? "silhouette" : "landmarks";
}
