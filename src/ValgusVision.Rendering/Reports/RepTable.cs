using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Reports;

/// <summary>The reps table as the HTML and PDF reports print it: the same columns and cell texts in both.</summary>
public static class RepTable
{
    public static IReadOnlyList<string> Headers { get; } =
        ["Rep", "Leg", "Time", "Depth", "FPPA at bottom", "Peak FPPA", "Hip shift", "Pelvic drop", "Knee over foot", "Trunk lean", "Events", "Quality"];

    public static IReadOnlyList<string> Cells(Rep rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        var events = rep.Events.IsDefaultOrEmpty ? 0 : rep.Events.Length;
        return
        [
            (rep.Index + 1).ToString(CultureInfo.InvariantCulture),
            rep.Side?.ToName() ?? "both",
            string.Create(CultureInfo.InvariantCulture, $"{rep.StartTimeSeconds:0.0}–{rep.EndTimeSeconds:0.0} s"),
            ReportText.Pct(rep.DepthPct),
            ReportText.Deg(rep.FppaAtBottomDeg),
            ReportText.Deg(rep.PeakFppaDeg),
            ReportText.Pct(rep.PeakHipShiftPct),
            ReportText.Deg(rep.PeakPelvicDropDeg),
            ReportText.Pct(rep.PeakKneeOverFootPct),
            ReportText.Deg(rep.TrunkLeanAtBottomDeg),
            events.ToString(CultureInfo.InvariantCulture),
            rep.Quality.IsTrusted ? "good" : "caution",
        ];
    }

    /// <summary>The band of the rep's FPPA at the bottom, which colours its FPPA cells.</summary>
    public static FppaBand Band(Rep rep, AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(settings);
        return FppaBands.ForThreshold(settings.ValgusThresholdDeg).Classify(rep.FppaAtBottomDeg);
    }

    /// <summary>Caption under a rep's bottom-frame picture.</summary>
    public static string Caption(Rep rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        var knee = rep.Side is { } side ? $"{side.ToTitle()} knee" : "Knees";
        return string.Create(CultureInfo.InvariantCulture,
            $"Rep {rep.Index + 1} at its bottom ({rep.BottomTimeSeconds:0.00} s): {knee} {ReportText.Deg(rep.FppaAtBottomDeg)}, hip shift {ReportText.Pct(rep.PeakHipShiftPct)}");
    }
}
