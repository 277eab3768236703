using System.Text;
using ValgusVision.Web.Analysis;
using ValgusVision.Web.Pages;
using static ValgusVision.Web.Pages.Html;

namespace ValgusVision.Web.Tests;

/// <summary>The small parts on their own: HTML escaping, the content check of uploads, the report reader, the chart.</summary>
public sealed class PieceTests
{
    [Fact]
    public void EveryHoleIsEscapedUnlessItIsAlreadyHtml()
    {
        string name = "<b onclick=\"x\">O'Neil & co</b>";
        var list = new List<SafeHtml> { H($"<i>{name}</i>") };
        var html = H($"<p title=\"{name}\">{name}</p>{list}{42.5}");
        Assert.Equal(
            "<p title=\"&lt;b onclick=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/b&gt;\">&lt;b onclick=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/b&gt;</p>" +
            "<i>&lt;b onclick=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/b&gt;</i>42.5",
            html.Value);
        Assert.Contains("unknown", Degrees(null).Value);
        Assert.Equal("14.4°", Degrees(14.44).Value);
    }

    [Theory]
    [InlineData("\0\0\0\u0018ftypisom\0\0", ".mp4")]
    [InlineData("\0\0\0\u0014ftypqt  \0\0", ".mov")]
    [InlineData("\u001a\u0045\u00df\u00a3\0\0\0\0\0\0\0\0", ".mkv")]
    [InlineData("RIFF\0\0\0\0AVI LIST", ".avi")]
    [InlineData("RIFF\0\0\0\0WAVEfmt ", null)]
    [InlineData("<html><body>", null)]
    [InlineData("", null)]
    public void UploadsAreRecognisedByTheirFirstBytes(string head, string? extension) =>
        Assert.Equal(extension, VideoSniffer.Extension(Encoding.Latin1.GetBytes(head)));

    [Fact]
    public void TheSamplesOwnBytesAreAnMp4() =>
        Assert.Equal(".mp4", VideoSniffer.Extension(File.ReadAllBytes(Clinic.Sample).AsSpan(0, VideoSniffer.HeaderLength)));

    [Fact]
    public void OnlyTrustedRepsAreAveragedAndAnUnmeasuredLegIsUnknown()
    {
        string json = """
            {"schema":"valgusvision.report/1","exercise":"squat","reps":[
              {"side":"left","fppaAtBottomDeg":10,"quality":{"trusted":true}},
              {"side":"left","fppaAtBottomDeg":14,"quality":{"trusted":true}},
              {"side":"left","fppaAtBottomDeg":40,"quality":{"trusted":false}},
              {"side":"right","fppaAtBottomDeg":null,"quality":{"trusted":true}}],
             "ankle":null}
            """;
        var m = ReportMetrics.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(("squat", 12.0, (double?)null, 4), (m.Exercise, m.LeftFppaDeg!.Value, m.RightFppaDeg, m.RepCount));
        Assert.Null(m.LeftLungeDeg);
    }

    [Fact]
    public void TheLungeTestsBestAnglePerLegIsRead()
    {
        string json = """{"schema":"valgusvision.report/1","exercise":"ankle-lunge","reps":[],"ankle":{"left":{"bestInclinationDeg":38.5},"right":null}}""";
        var m = ReportMetrics.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        Assert.Equal((38.5, (double?)null), (m.LeftLungeDeg!.Value, m.RightLungeDeg));
    }

    [Fact]
    public void TheChartDrawsEachMeasuredSessionAndMarksScreens()
    {
        var series = new List<ProgressSeries>
        {
            new("left", "#1f77b4", false, [(new DateOnly(2026, 11, 1), 14.4), (new DateOnly(2026, 11, 29), 8.2)]),
            new("right", "#8e44ad", false, []),
        };
        string svg = ProgressChart.Svg("c", "FPPA", "deg", series, [new DateOnly(2026, 11, 1)]).Value;
        Assert.Equal(2, CountOf(svg, "<circle"));
        Assert.Equal(1, CountOf(svg, "class=\"screen\""));
        Assert.DoesNotContain("data-name=\"right\"", svg); // nothing measured: nothing drawn
        Assert.Contains("2026-11-29", svg);
        Assert.Contains(">0<", svg); // the zero line is labelled
        Assert.Contains("No measured values", ProgressChart.Svg("d", "x", "y", [series[1]], []).Value);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
