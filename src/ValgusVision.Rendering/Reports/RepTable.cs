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
            rep.Exercise == Exercise.ForwardLunge && rep.Side is { } front ? front.ToName() + " in front" : rep.Side?.ToName() ?? "both",
            string.Create(CultureInfo.InvariantCulture, $"{rep.StartTimeSeconds:0.0}–{rep.EndTimeSeconds:0.0} s"),
            ReportText.Pct(rep.DepthPct),
            BothKneesSquat(rep) is { } atBottom ? BothDeg(atBottom.LeftFppaAtBottomDeg, atBottom.RightFppaAtBottomDeg) : ReportText.Deg(rep.FppaAtBottomDeg),
            BothKneesSquat(rep) is { } peak ? BothDeg(peak.LeftPeakFppaDeg, peak.RightPeakFppaDeg) : ReportText.Deg(rep.PeakFppaDeg),
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
        // A double-leg squat is coloured by its worse knee.
        var fppa = BothKneesSquat(rep) is { } k ? Worse(k.LeftFppaAtBottomDeg, k.RightFppaAtBottomDeg) : rep.FppaAtBottomDeg;
        return ReportText.Band(fppa, settings);
    }

    /// <summary>The rep's both knees when it is a double-leg squat (the FPPA cells then show both).</summary>
    private static BothKneesMeasures? BothKneesSquat(Rep rep) => rep.Exercise == Exercise.DoubleLegSquat ? rep.BothKnees : null;

    private static string BothDeg(double? left, double? right) => $"L {ReportText.Deg(left)} · R {ReportText.Deg(right)}";

    private static double? Worse(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    /// <summary>
    /// Caption under a rep's bottom-frame picture: what the picture shows, that frame's numbers (its hip-shift arrow
    /// is the frame's shift, not the rep's peak the table lists), from <paramref name="analysis"/>'s frames.
    /// </summary>
    public static string Caption(Rep rep, SessionAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(analysis);
        var knee = rep.Side is { } side ? $"{side.ToTitle()} knee" : "Knees";
        if (BothKneesSquat(rep) is { } k)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Rep {rep.Index + 1} at its bottom ({rep.BottomTimeSeconds:0.00} s): left knee {ReportText.Deg(k.LeftFppaAtBottomDeg)}, right knee {ReportText.Deg(k.RightFppaAtBottomDeg)}");
        }

        if (rep.Exercise == Exercise.ForwardLunge)
        {
            knee = rep.Side is { } lead ? $"front ({lead.ToName()}) knee" : "front knee (leg not told)";
            return string.Create(CultureInfo.InvariantCulture, $"Rep {rep.Index + 1} at its bottom ({rep.BottomTimeSeconds:0.00} s): {knee} {ReportText.Deg(rep.FppaAtBottomDeg)}");
        }

        var bottom = BottomFrame(rep, analysis);
        return string.Create(CultureInfo.InvariantCulture,
            $"Rep {rep.Index + 1} at its bottom ({rep.BottomTimeSeconds:0.00} s): {knee} {ReportText.Deg(rep.FppaAtBottomDeg)}, hip shift in this frame {ReportText.Pct(bottom?.HipShiftPct)}");
    }

    private static FrameMetrics? BottomFrame(Rep rep, SessionAnalysis analysis)
    {
        foreach (var frame in analysis.Frames)
        {
            if (frame.FrameIndex == rep.BottomFrame)
            {
                return frame;
            }
        }

        return null;
    }
}
