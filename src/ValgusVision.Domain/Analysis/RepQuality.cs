using System.Collections.Immutable;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Whether a rep's numbers can be trusted, and why not. <see cref="IsTrusted"/> is false when any issue is listed.
/// </summary>
/// <param name="MinLegVisibility">Lowest visibility of the measured leg(s)' hip, knee and ankle during the rep.</param>
/// <param name="MaxOffAxisDeg">Largest angle between the body and a frontal (or back) view during the rep.</param>
/// <param name="FrameRateHz">Median frame rate over the rep.</param>
/// <param name="Issues">Plain-language problems ("camera 22° off frontal", "knee hidden in 30% of frames").</param>
public sealed record RepQuality(
    float MinLegVisibility,
    double? MaxOffAxisDeg,
    double? FrameRateHz,
    ImmutableArray<string> Issues)
{
    public bool IsTrusted => Issues.IsDefaultOrEmpty;
}
