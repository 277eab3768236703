namespace ValgusVision.App;

/// <summary>One input of a batch: the file, its name relative to the folder searched (its label in summary.csv), and where its outputs go.</summary>
public sealed record BatchItem(string Input, string Label, OutputPaths Paths);
