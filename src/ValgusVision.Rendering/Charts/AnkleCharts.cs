using ScottPlot;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;
using ValgusVision.Rendering.Text;

namespace ValgusVision.Rendering.Charts;

/// <summary>
/// The lunge test's chart: the front shank's tibial inclination over time per leg, attempts shaded grey and named
/// at their peak, heel-lift stretches shaded amber, the restricted cut-off drawn. Undefined samples leave gaps.
/// </summary>
public static class AnkleCharts
{
    public static byte[] ShankAngleOverTime(AnkleLungeResult ankle, int width = 1000, int height = 380, float scale = 1f)
    {
        ArgumentNullException.ThrowIfNull(ankle);
        SessionCharts.EnsureFont();
        var plot = new Plot();
        plot.Font.Set(ReportTypeface.FamilyName);
        plot.Title("Shank angle over time (tibial inclination)", 16);
        plot.XLabel("Time (s)", 13);
        plot.YLabel("Shank from vertical (°, knee forward +)", 13);
        var frames = ankle.Frames;
        foreach (var attempt in ankle.AllAttempts)
        {
            var span = plot.Add.HorizontalSpan(attempt.StartTimeSeconds, attempt.EndTimeSeconds);
            span.FillStyle.Color = Colors.Gray.WithAlpha(0.12);
            span.LineStyle.Width = 0;
            var peak = plot.Add.VerticalLine(attempt.PeakTimeSeconds);
            peak.Color = Colors.Gray.WithAlpha(0.5);
            peak.LineWidth = 1;
            peak.LinePattern = LinePattern.Dotted;
            peak.Text = (attempt.Side == Side.Left ? "L" : "R") + attempt.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + (attempt.HeelLift ? " heel lift" : string.Empty);
            peak.LabelFontSize = 11;
            peak.LabelOppositeAxis = true;
        }

        AddHeelLiftSpans(plot, frames);
        AddSeries(plot, frames, Side.Left, "Left shank (front leg)", Color.FromHex("#1f77b4"));
        AddSeries(plot, frames, Side.Right, "Right shank (front leg)", Color.FromHex("#8e44ad"));
        var cut = plot.Add.HorizontalLine(ankle.Settings.RestrictedBelowDeg);
        cut.Color = SessionCharts.ToScott(OverlayPalette.Red);
        cut.LinePattern = LinePattern.Dashed;
        cut.LineWidth = 1.5f;
        cut.LegendText = $"Cut-off {ankle.Settings.RestrictedBelowDeg:0}° (below: restricted)";
        plot.ShowLegend(Edge.Bottom);
        plot.ScaleFactor = scale;
        return plot.GetImageBytes((int)(width * scale), (int)(height * scale), ImageFormat.Png);
    }

    private static void AddHeelLiftSpans(Plot plot, IReadOnlyList<AnkleFrame> frames)
    {
        bool labelled = false;
        for (int i = 0; i < frames.Count; i++)
        {
            if (!frames[i].HeelLifted)
            {
                continue;
            }

            int j = i;
            while (j + 1 < frames.Count && frames[j + 1].HeelLifted)
            {
                j++;
            }

            var span = plot.Add.HorizontalSpan(frames[i].TimeSeconds, Math.Max(frames[j].TimeSeconds, frames[i].TimeSeconds + 0.01));
            span.FillStyle.Color = SessionCharts.ToScott(OverlayPalette.Amber).WithAlpha(0.35);
            span.LineStyle.Width = 0;
            if (!labelled)
            {
                span.LegendText = "Heel lifted";
                labelled = true;
            }

            i = j;
        }
    }

    private static void AddSeries(Plot plot, IReadOnlyList<AnkleFrame> frames, Side side, string name, Color colour) =>
        SessionCharts.AddSeries(plot, frames, f => f.TimeSeconds, f => f.FrontSide == side ? f.InclinationDeg : null, name, colour);
}
