using ValgusVision.Domain.Analysis;

namespace ValgusVision.Rendering.Reports;

/// <summary>One per-rep value as report.json (camelCase) and reps.csv (snake_case) name it.</summary>
/// <param name="Value">The value: double?, int, bool or string; null when undefined.</param>
public sealed record RepField(string JsonName, string CsvName, Func<Rep, object?> Value);
