namespace ValgusVision.Domain.Analysis;

/// <summary>What <see cref="ExerciseClassifier"/> concluded: an exercise, or null with the reason it could not decide.</summary>
public sealed record ExerciseDecision(Exercise? Exercise, string Reason);
