using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Reports;

namespace ValgusVision.Live.Drill;

/// <summary>The drill's result as the Rendering drill report's plain numbers (drill-report.html / .pdf).</summary>
public static class DrillReports
{
    public static DrillReport From(DrillResult result, string input, DateTimeOffset createdUtc, string toolVersion, string? incompleteReason)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DrillReport(input, createdUtc, toolVersion, [Leg(result.Left), Leg(result.Right)], incompleteReason);
    }

    private static DrillReportLeg Leg(SideDrillResult side) => new(
        side.Side.ToTitle(),
        side.Describe(),
        side.MeanAbsoluteErrorDeg,
        side.MeanSignedFppaDeg,
        side.TrendDegPerTrial,
        side.Trials.Select(t => new DrillReportTrial(t.Number, t.HoldStartSeconds, t.HoldDepthPct, t.FppaDeg, t.AbsoluteErrorDeg)).ToList());
}
