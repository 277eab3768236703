using System.Globalization;
using ScottPlot;
using ValgusVision.Domain.Compare;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;
using ValgusVision.Rendering.Text;

namespace ValgusVision.Rendering.Charts;

/// <summary>
/// The progress report's chart, one per leg: the mean knee angle at the bottom of each trusted session over the
/// weeks since the first session, ± its SD, with the valgus limit. A session whose angle cannot be trusted is a
/// grey dotted line with no value on it: it is shown to have happened, never charted as a number.
/// </summary>
public static class ProgressCharts
{
    /// <summary>The method's course: a few sessions a week for four weeks, so the axis shows at least that.</summary>
    private const double CourseWeeks = 4;

    /// <summary>PNG of one leg's FPPA at the bottom per session; null when the leg was not tested in any session.</summary>
    /// <param name="compact">Drawn for a phone: fewer pixels wide, the same text size, so it stays readable at 390 px.</param>
    public static byte[]? FppaPerSession(ProgressReport progress, Side side, bool compact = false)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var sessions = progress.Sessions.Where(s => LegProgress.Leg(s, side).Measures.Tested).ToList();
        if (sessions.Count == 0)
        {
            return null;
        }

        SessionCharts.EnsureFont();
        var plot = new Plot();
        plot.Font.Set(ReportTypeface.FamilyName);
        plot.Title($"{side} knee: angle (FPPA) at the bottom", compact ? 15 : 16);
        plot.XLabel("Weeks since the first session", 13);
        plot.YLabel("FPPA (°, valgus +)", 13);
        var colour = Color.FromHex(side == Side.Left ? "#1f77b4" : "#8e44ad");
        var trusted = sessions.Where(s => LegProgress.Leg(s, side).Trust.IsTrusted).ToList();
        double[] xs = trusted.Select(s => s.WeeksSinceFirst).ToArray();
        double[] ys = trusted.Select(s => LegProgress.Leg(s, side).Measures.FppaAtBottom.Mean!.Value).ToArray();
        double[] sds = trusted.Select(s => LegProgress.Leg(s, side).Measures.FppaAtBottom.StandardDeviation ?? 0).ToArray();
        if (xs.Length > 0)
        {
            var errors = plot.Add.ErrorBar(xs, ys, sds);
            errors.LineColor = colour.WithAlpha(0.6);
            var line = plot.Add.Scatter(xs, ys, colour);
            line.LineWidth = 2;
            line.MarkerSize = 9;
            line.LegendText = "Mean ± SD per session";
        }

        bool labelled = false;
        foreach (var session in sessions.Where(s => !LegProgress.Leg(s, side).Trust.IsTrusted))
        {
            var unknown = plot.Add.VerticalLine(session.WeeksSinceFirst);
            unknown.Color = SessionCharts.ToScott(OverlayPalette.Grey);
            unknown.LinePattern = LinePattern.Dotted;
            unknown.LineWidth = 2;
            if (!labelled)
            {
                unknown.LegendText = "Session not trusted (no value)";
                labelled = true;
            }
        }

        AddLimit(plot, sessions);
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Gray.WithAlpha(0.6);
        zero.LineWidth = 1;

        double lastWeek = Math.Max(CourseWeeks, Math.Ceiling(progress.Sessions[^1].WeeksSinceFirst));
        plot.Axes.SetLimitsX(-0.25, lastWeek + 0.25);
        double top = Math.Max(sessions.Max(s => s.Session.ThresholdDeg), ys.Length > 0 ? ys.Zip(sds, (y, sd) => y + sd).Max() : 0) + 3;
        double bottom = Math.Min(-2, ys.Length > 0 ? ys.Zip(sds, (y, sd) => y - sd).Min() - 2 : -2);
        plot.Axes.SetLimitsY(bottom, top);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.ShowLegend(Edge.Bottom);
        // The phone picture is narrower at twice the pixel density: the same 13 px labels, on a chart a phone shows whole.
        (int width, int height, float scale) = compact ? (400, 330, 2f) : (1000, 360, 1f);
        plot.ScaleFactor = scale;
        return plot.GetImageBytes((int)(width * scale), (int)(height * scale), ImageFormat.Png);
    }

    /// <summary>One limit line when every session had the same limit; a dashed line through each session's own otherwise.</summary>
    private static void AddLimit(Plot plot, IReadOnlyList<ProgressSession> sessions)
    {
        var limits = sessions.Select(s => s.Session.ThresholdDeg).Distinct().ToList();
        var red = SessionCharts.ToScott(OverlayPalette.Red);
        if (limits.Count == 1)
        {
            var limit = plot.Add.HorizontalLine(limits[0]);
            limit.Color = red;
            limit.LinePattern = LinePattern.Dashed;
            limit.LineWidth = 1.5f;
            limit.LegendText = string.Create(CultureInfo.InvariantCulture, $"Limit {limits[0]:0.#}°");
            return;
        }

        var line = plot.Add.ScatterLine(sessions.Select(s => s.WeeksSinceFirst).ToArray(), sessions.Select(s => s.Session.ThresholdDeg).ToArray(), red);
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 1.5f;
        line.LegendText = "Limit of each session";
    }
}
