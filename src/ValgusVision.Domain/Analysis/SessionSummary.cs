using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>The whole session: per side and left–right asymmetry.</summary>
public sealed record SessionSummary(
    Exercise Exercise,
    int RepCount,
    int EventCount,
    SideSummary Left,
    SideSummary Right,
    Asymmetry Asymmetry,
    double? FrameRateHz,
    double DurationSeconds)
{
    public SideSummary For(Side side) => side == Side.Left ? Left : Right;
}
