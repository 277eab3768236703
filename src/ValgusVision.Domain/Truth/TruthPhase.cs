namespace ValgusVision.Domain.Truth;

/// <summary>Where a truth frame lies in the rendered motion (the CSV's <c>phase</c> column).</summary>
public enum TruthPhase
{
    Standing,
    Down,
    Bottom,
    Up,
}
