using ScottPlot;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;
using ValgusVision.Rendering.Text;

namespace ValgusVision.Rendering.Charts;

/// <summary>
/// The reports' charts, made with ScottPlot: FPPA and hip shift over the session, reps shaded grey and numbered at
/// their bottom, valgus events shaded red, the valgus limit drawn. Undefined samples leave gaps (never joined).
/// </summary>
public static class SessionCharts
{
    private static readonly object FontLock = new();
    private static bool _fontRegistered;

    /// <summary>
    /// PNG of the standing knee's FPPA over time: each knee is drawn only while it is the stance leg (the lifted leg's
    /// angle means nothing for valgus and would only confuse a client). Untrusted numbers (<paramref name="trusted"/>
    /// false: accuracy unknown) get their events and the limit in grey, since red is for trusted numbers only.
    /// </summary>
    public static byte[] FppaOverTime(SessionAnalysis analysis, int width = 1000, int height = 380, float scale = 1f, bool trusted = true)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var plot = NewPlot(analysis, "Knee angle (FPPA) over time", "FPPA (°, valgus +)", trusted);
        var frames = analysis.Frames;
        AddSeries(plot, frames, m => m.Stance == Side.Left ? m.LeftFppaDeg : null, "Left knee (standing)", Color.FromHex("#1f77b4"));
        AddSeries(plot, frames, m => m.Stance == Side.Right ? m.RightFppaDeg : null, "Right knee (standing)", Color.FromHex("#8e44ad"));
        var limit = plot.Add.HorizontalLine(analysis.Settings.ValgusThresholdDeg);
        limit.Color = ToScott(trusted ? OverlayPalette.Red : OverlayPalette.Grey);
        limit.LinePattern = LinePattern.Dashed;
        limit.LineWidth = 1.5f;
        limit.LegendText = $"Limit {analysis.Settings.ValgusThresholdDeg:0.#}°";
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Gray.WithAlpha(0.6);
        zero.LineWidth = 1;
        return Render(plot, width, height, scale);
    }

    /// <summary>The FPPA chart's caption, for the HTML and the PDF alike.</summary>
    public static string FppaCaption(bool trusted) => trusted
        ? "Knee angle over time. Grey bands: reps (dotted line at each rep's bottom). Red bands: valgus events. Dashed red line: your limit. Gaps: not measurable."
        : "Knee angle over time. Light grey bands: reps (dotted line at each rep's bottom). Darker grey bands: angles at or above your limit (dashed line), not compared with it because the accuracy is unknown. Gaps: not measurable.";

    /// <summary>The hip-shift chart's caption, for the HTML and the PDF alike.</summary>
    public const string HipShiftCaption = "Sideways shift of the standing leg's hip from above its ankle, in % of leg length (outwards positive).";

    /// <summary>PNG of the stance hip's lateral shift over time, % of leg length.</summary>
    public static byte[] HipShiftOverTime(SessionAnalysis analysis, int width = 1000, int height = 330, float scale = 1f, bool trusted = true)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var plot = NewPlot(analysis, "Hip shift over time", "Hip shift (% of leg, lateral +)", trusted);
        AddSeries(plot, analysis.Frames, m => m.HipShiftPct, "Stance hip", ToScott(OverlayPalette.HipShift));
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Gray.WithAlpha(0.6);
        zero.LineWidth = 1;
        return Render(plot, width, height, scale);
    }

    private static Plot NewPlot(SessionAnalysis analysis, string title, string yLabel, bool trusted)
    {
        EnsureFont();
        var plot = new Plot();
        plot.Font.Set(ReportTypeface.FamilyName);
        plot.Title(title, 16);
        plot.XLabel("Time (s)", 13);
        plot.YLabel(yLabel, 13);

        foreach (var rep in analysis.Reps)
        {
            var span = plot.Add.HorizontalSpan(rep.StartTimeSeconds, rep.EndTimeSeconds);
            span.FillStyle.Color = Colors.Gray.WithAlpha(0.12);
            span.LineStyle.Width = 0;
            var bottom = plot.Add.VerticalLine(rep.BottomTimeSeconds);
            bottom.Color = Colors.Gray.WithAlpha(0.5);
            bottom.LineWidth = 1;
            bottom.LinePattern = LinePattern.Dotted;
            bottom.Text = $"rep {rep.Index + 1}";
            bottom.LabelFontSize = 11;
            bottom.LabelOppositeAxis = true;
        }

        foreach (var e in analysis.Events)
        {
            var span = plot.Add.HorizontalSpan(e.StartTimeSeconds, Math.Max(e.EndTimeSeconds, e.StartTimeSeconds + 0.01));
            span.FillStyle.Color = trusted ? ToScott(OverlayPalette.Red).WithAlpha(0.25) : ToScott(OverlayPalette.Grey).WithAlpha(0.3);
            span.LineStyle.Width = 0;
        }

        return plot;
    }

    /// <summary>One scatter per defined stretch, so an undefined sample is a gap rather than a line across it.</summary>
    private static void AddSeries(Plot plot, IReadOnlyList<FrameMetrics> frames, Func<FrameMetrics, double?> value, string name, Color colour) =>
        AddSeries(plot, frames, m => m.TimeSeconds, value, name, colour);

    /// <summary>
    /// One line per run of frames with a finite value; a gap (no value) breaks the line rather than bridging it, so a
    /// chart never draws a number across frames where the tool had none. Only the first run carries the legend text.
    /// </summary>
    internal static void AddSeries<T>(Plot plot, IReadOnlyList<T> frames, Func<T, double> time, Func<T, double?> value, string name, Color colour)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var labelled = false;
        void Flush()
        {
            if (xs.Count > 0)
            {
                var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), colour);
                line.LineWidth = 2;
                if (!labelled)
                {
                    line.LegendText = name;
                    labelled = true;
                }
            }

            xs.Clear();
            ys.Clear();
        }

        foreach (var frame in frames)
        {
            if (value(frame) is { } v && double.IsFinite(v))
            {
                xs.Add(time(frame));
                ys.Add(v);
            }
            else
            {
                Flush();
            }
        }

        Flush();
    }

    /// <summary><paramref name="scale"/> enlarges everything (print wants more pixels at the same layout).</summary>
    private static byte[] Render(Plot plot, int width, int height, float scale)
    {
        // Below the plot, so the legend never hides a rep's peak.
        plot.ShowLegend(Edge.Bottom);
        plot.ScaleFactor = scale;
        return plot.GetImageBytes((int)(width * scale), (int)(height * scale), ImageFormat.Png);
    }

    internal static Color ToScott(SkiaSharp.SKColor colour) => new(colour.Red, colour.Green, colour.Blue, colour.Alpha);

    /// <summary>ScottPlot finds fonts by family name; give it the same font file the overlay uses.</summary>
    internal static void EnsureFont()
    {
        lock (FontLock)
        {
            if (_fontRegistered)
            {
                return;
            }

            if (ReportTypeface.RegularPath is { } regular)
            {
                Fonts.AddFontFile(ReportTypeface.FamilyName, regular, bold: false, italic: false);
            }

            if (ReportTypeface.BoldPath is { } bold)
            {
                Fonts.AddFontFile(ReportTypeface.FamilyName, bold, bold: true, italic: false);
            }

            _fontRegistered = true;
        }
    }
}
