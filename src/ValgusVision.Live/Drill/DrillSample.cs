namespace ValgusVision.Live.Drill;

/// <summary>What the drill needs of one frame: its time, the squat depth and the stance knee's FPPA (null = undefined).</summary>
public readonly record struct DrillSample(double TimeSeconds, double? DepthPct, double? FppaDeg);
