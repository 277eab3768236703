using System.Collections.Immutable;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Whether a rep's numbers can be trusted, and why not. <see cref="IsTrusted"/> is false when any issue is listed.
/// </summary>
/// <param name="MinLegVisibility">Lowest visibility of the measured leg(s)' hip, knee and ankle during the rep.</param>
/// <param name="MaxOffAxisDeg">Largest angle between the body and a frontal (or back) view during the rep.</param>
/// <param name="FrameRateHz">Median frame rate over the rep.</param>
/// <param name="Issues">Plain-language problems ("camera 22° off frontal", "knee hidden in 30% of frames").</param>
/// <param name="RefinementKeptFrames">
/// Frames of the rep in which the joint-centre refinement kept the model's knee or ankle of the measured leg because
/// a guard failed (0 when refinement was off). Not an issue: those frames carry the unrefined measurement.
/// </param>
public sealed record RepQuality(
    float MinLegVisibility,
    double? MaxOffAxisDeg,
    double? FrameRateHz,
    ImmutableArray<string> Issues,
    int RefinementKeptFrames = 0)
{
    public bool IsTrusted => Issues.IsDefaultOrEmpty;
}
