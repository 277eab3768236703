using ValgusVision.Domain.Analysis;

namespace ValgusVision.App;

/// <summary>
/// What <see cref="AnalysisJob.MeasureAsync"/> produces: every frame's pose, the session's analysis of them, and the
/// session's options as they ran (levers resolved: <see cref="SessionOptions.ResolvedFor(bool, Exercise)"/>).
/// </summary>
public sealed record PoseMeasurement(PosePassResult Pass, SessionAnalysis Analysis, SessionOptions Session);
