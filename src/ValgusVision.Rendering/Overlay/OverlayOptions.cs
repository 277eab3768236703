namespace ValgusVision.Rendering.Overlay;

/// <summary>What the overlay draws and how it judges landmarks.</summary>
/// <param name="VisibilityGateDefault">Landmarks below this visibility are drawn grey (docs/metrics.md's gate, 0.5).</param>
/// <param name="ShowTimeline">Draw the FPPA strip along the bottom.</param>
public sealed record OverlayOptions(float VisibilityGateDefault = 0.5f, bool ShowTimeline = true)
{
    public static OverlayOptions Default { get; } = new();
}
