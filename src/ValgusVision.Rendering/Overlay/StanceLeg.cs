namespace ValgusVision.Rendering.Overlay;

/// <summary>The leg on the ground, as the overlay needs it (mapped from the domain's side).</summary>
public enum StanceLeg
{
    Left,
    Right,
}
