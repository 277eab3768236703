namespace ValgusVision.Domain.Signals;

/// <summary>Positions (indices into the session's frame list) of a rep's start, bottom and end.</summary>
public readonly record struct RepWindow(int Start, int Bottom, int End);
