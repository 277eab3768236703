using ValgusVision.Domain.Analysis;

namespace ValgusVision.App;

/// <summary>What <see cref="AnalysisJob.MeasureAsync"/> produces: every frame's pose and the session's analysis of them.</summary>
public sealed record PoseMeasurement(PosePassResult Pass, SessionAnalysis Analysis);
