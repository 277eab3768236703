using System.Text.RegularExpressions;
using SkiaSharp;
using ValgusVision.Rendering.Reports;
using ValgusVision.Rendering.Tests.Fixtures;

namespace ValgusVision.Rendering.Tests.Reports;

public class HtmlReportTests
{
    [Fact]
    public void Html_report_is_one_file_that_needs_no_network()
    {
        var (report, _, _) = SyntheticReport.Build();
        var html = HtmlReportWriter.Render(report);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(?!data:)", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Html_report_has_a_row_and_a_picture_per_rep_and_the_caveats()
    {
        var (report, _, _) = SyntheticReport.Build();
        var html = HtmlReportWriter.Render(report);
        Assert.Equal(report.Analysis.Reps.Length, Regex.Matches(html, "class=\"rep-frame\"").Count);
        Assert.Equal(report.Analysis.Reps.Length, Regex.Matches(html, "class=\"verdict\"").Count);
        Assert.Contains("approximate, but are not", html);
        Assert.Contains("3 frames could not be decoded", html);
    }

    [Fact]
    public void Text_from_the_input_is_escaped()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        report = report with { Input = report.Input with { FileName = "<b>client</b>.mp4" } };
        var html = HtmlReportWriter.Render(report);
        Assert.DoesNotContain("<b>client</b>", html);
        Assert.Contains("&lt;b&gt;client&lt;/b&gt;.mp4", html);
    }

    [Fact]
    public void Html_report_loads_in_headless_chromium_without_console_errors_and_shows_the_charts()
    {
        var (report, _, _) = SyntheticReport.Build();
        var folder = Directory.CreateTempSubdirectory("vv-html-");
        try
        {
            var htmlPath = Path.Combine(folder.FullName, "report.html");
            var pngPath = Path.Combine(folder.FullName, "screenshot.png");
            HtmlReportWriter.WriteFile(report, htmlPath);
            var log = Chromium.Screenshot(htmlPath, pngPath, 1200, 2400);

            var consoleLines = log.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal)).ToList();
            Assert.True(consoleLines.Count == 0, "console output: " + string.Join("\n", consoleLines));
            Assert.True(File.Exists(pngPath), "no screenshot; Chromium said:\n" + log);

            // The FPPA chart draws the left knee in #1f77b4, a colour nothing else on the page uses.
            using var shot = SKBitmap.Decode(pngPath);
            var chartPixels = 0;
            for (var y = 0; y < shot.Height; y += 2)
            {
                for (var x = 0; x < shot.Width; x += 2)
                {
                    var c = shot.GetPixel(x, y);
                    if (Math.Abs(c.Red - 0x1f) < 25 && Math.Abs(c.Green - 0x77) < 25 && Math.Abs(c.Blue - 0xb4) < 25)
                    {
                        chartPixels++;
                    }
                }
            }

            Assert.True(chartPixels > 100, $"the FPPA chart's line is not visible in the screenshot ({chartPixels} pixels)");
            if (DebugImages.Enabled)
            {
                Directory.CreateDirectory(DebugImages.Folder);
                File.Copy(pngPath, Path.Combine(DebugImages.Folder, "report-html.png"), overwrite: true);
                File.Copy(htmlPath, Path.Combine(DebugImages.Folder, "report.html"), overwrite: true);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
