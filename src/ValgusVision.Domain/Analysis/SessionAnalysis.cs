using System.Collections.Immutable;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Everything the analysis found: per-frame metrics (same order and count as the input frames), reps, valgus
/// events, the summary, and warnings a person must see (in plain words).
/// </summary>
/// <param name="Settings">The settings used (reports print them).</param>
/// <param name="Exercise">The exercise analysed (never <see cref="Analysis.Exercise.Auto"/>).</param>
/// <param name="ExerciseReason">Why this exercise: "chosen by the user" or what the motion showed.</param>
/// <param name="Reference">Standing lengths and heights everything is normalised by.</param>
/// <param name="Ankle">The weight-bearing lunge test's result; null for every other exercise.</param>
public sealed record SessionAnalysis(
    AnalysisSettings Settings,
    Exercise Exercise,
    string ExerciseReason,
    StandingReference Reference,
    ImmutableArray<FrameMetrics> Frames,
    ImmutableArray<Rep> Reps,
    ImmutableArray<ValgusEvent> Events,
    SessionSummary Summary,
    ImmutableArray<string> Warnings,
    Ankle.AnkleLungeResult? Ankle = null);
