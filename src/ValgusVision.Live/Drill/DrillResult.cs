namespace ValgusVision.Live.Drill;

/// <summary>The drill's result for both legs (a leg not drilled has no trials).</summary>
public sealed record DrillResult(SideDrillResult Left, SideDrillResult Right);
