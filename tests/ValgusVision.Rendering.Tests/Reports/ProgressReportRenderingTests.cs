using System.Text.Json;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Compare;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Charts;
using ValgusVision.Rendering.Reports;

namespace ValgusVision.Rendering.Tests.Reports;

/// <summary>The progress page, JSON and chart on hand-made sessions: colours against each session's limit, grey when untrusted.</summary>
public class ProgressReportRenderingTests
{
    private static readonly MeasurementTrust Turned = new(false, "not a frontal view");

    private static SessionRecord Left(string name, int day, double mean, MeasurementTrust? trust = null, double limit = 10) =>
        new(name, name + ".mp4", new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero).AddDays(day), true, "Anna", "squat", limit, "± 3°, frontal view",
            trust ?? MeasurementTrust.Trusted,
            new LegMeasures(Side.Left, 3, new MetricStats(3, mean, 0.5, mean + 0.5), new MetricStats(3, 6, null, 7), 0, 0),
            new LegMeasures(Side.Right, 0, MetricStats.Empty, MetricStats.Empty, 0, 0));

    private static readonly ProgressReport Progress = ProgressReport.Of(
        [Left("a", 0, 12.0), Left("b", 7, 30.0, Turned), Left("c", 14, 7.0), Left("d", 21, 3.0, limit: 8)]);

    [Fact]
    public void Cells_are_red_amber_green_against_their_own_limit_and_the_untrusted_one_grey_with_its_reason()
    {
        string html = System.Net.WebUtility.HtmlDecode(ProgressHtmlWriter.Render(Progress, "test"));
        Assert.Contains("color:#e74c3c;font-weight:bold\">12.0° ± 0.5°", html, StringComparison.Ordinal); // ≥ 10°
        Assert.Contains("color:#f5a623;font-weight:bold\">7.0° ± 0.5°", html, StringComparison.Ordinal); // 5–10°
        Assert.Contains("color:#2ecc71;font-weight:bold\">3.0° ± 0.5°", html, StringComparison.Ordinal); // < 5°
        Assert.Contains("<td class=\"num grey\"><span>30.0° ± 0.5° (not trusted)</span><small>not a frontal view</small>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("#e74c3c;font-weight:bold\">30.0", html, StringComparison.Ordinal);
        Assert.Contains("12.0° (week 1) → 3.0° (week 4), -9.0° over 3.0 weeks: the knee caves in less (3 of 4 sessions trusted)", html, StringComparison.Ordinal);
        Assert.Contains("different limits (10°, 8°)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-right\"", html, StringComparison.Ordinal); // the right leg was never tested
    }

    [Fact]
    public void Json_keeps_the_untrusted_number_with_its_reason_and_the_change_without_it()
    {
        using var stream = new MemoryStream();
        ProgressJsonWriter.Write(Progress, "test", DateTimeOffset.UnixEpoch, stream);
        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(ProgressJsonWriter.SchemaId, root.GetProperty("schema").GetString());
        Assert.Equal(-9.0, root.GetProperty("left").GetProperty("changeDeg").GetDouble(), 6);
        var turned = root.GetProperty("sessions")[1].GetProperty("left");
        Assert.False(turned.GetProperty("trusted").GetBoolean());
        Assert.Equal(30.0, turned.GetProperty("fppaAtBottomDeg").GetProperty("mean").GetDouble());
        Assert.Equal("Not compared", turned.GetProperty("badge").GetString());
        Assert.Equal(4 / 3.0, root.GetProperty("sessionsPerWeek").GetDouble(), 3);
    }

    [Fact]
    public void Each_tested_leg_gets_a_chart_for_desktop_and_phone_and_an_untested_one_none()
    {
        var wide = ProgressCharts.FppaPerSession(Progress, Side.Left);
        var narrow = ProgressCharts.FppaPerSession(Progress, Side.Left, compact: true);
        Assert.NotNull(wide);
        Assert.NotNull(narrow);
        Assert.Equal(0x89, wide[0]); // PNG
        Assert.Null(ProgressCharts.FppaPerSession(Progress, Side.Right));
        using var pdf = new MemoryStream();
        ProgressPdfWriter.Write(Progress, "test", DateTimeOffset.UnixEpoch, pdf);
        Assert.Equal("%PDF"u8.ToArray(), pdf.ToArray()[..4]);
    }
}
