namespace ValgusVision.Domain.Analysis;

/// <summary>One event found by <see cref="ValgusEventDetector"/>: positions in the series and interpolated times.</summary>
public readonly record struct DetectedEvent(int Start, int End, int Peak, double StartTimeSeconds, double EndTimeSeconds, double PeakDeg);
