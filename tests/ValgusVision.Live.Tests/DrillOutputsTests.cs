using ValgusVision.Domain.Pose;
using ValgusVision.Live.Drill;
using ValgusVision.Rendering.Reports;

namespace ValgusVision.Live.Tests;

/// <summary>The drill's own outputs: trials and per-leg summary in separate CSVs, and its report in HTML and PDF.</summary>
public sealed class DrillOutputsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("valgus-drill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DrillResult Result() => new(
        SideDrillResult.From(Side.Left, [new DrillTrial(Side.Left, 1, 3.2, 21.5, 8.25), new DrillTrial(Side.Left, 2, 9.8, 19.0, -4.5), new DrillTrial(Side.Left, 3, 15.1, 22.0, 2.0)]),
        SideDrillResult.From(Side.Right, []));

    [Fact]
    public void Trial_rows_and_summary_rows_are_in_separate_files_with_one_meaning_per_column()
    {
        var trials = new StringWriter();
        var summary = new StringWriter();
        DrillCsv.WriteTrials(Result(), trials);
        DrillCsv.WriteSummary(Result(), summary);

        Assert.Equal(
            ["side,trial,hold_start_s,hold_depth_pct,fppa_deg,abs_error_deg", "left,1,3.200,21.5,8.25,8.25", "left,2,9.800,19.0,-4.50,4.50", "left,3,15.100,22.0,2.00,2.00"],
            trials.ToString().TrimEnd('\n').Split('\n'));
        // Mean |FPPA| (8.25 + 4.5 + 2) / 3, signed mean 1.92, trend −3.125 °/trial; the right leg has no trials: empty cells.
        Assert.Equal(
            ["side,trials,mean_abs_error_deg,mean_fppa_deg,trend_deg_per_trial", "left,3,4.92,1.92,-3.13", "right,0,,,"],
            summary.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void The_drill_report_has_its_own_title_the_error_per_leg_and_every_trial_in_html_and_pdf()
    {
        var report = DrillReports.From(Result(), "camera 0", new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero), "test", null);
        string html = System.Net.WebUtility.HtmlDecode(DrillHtmlReportWriter.Render(report));

        Assert.Contains("<h1>Knee position-sense drill</h1>", html);
        Assert.DoesNotContain("single-leg squat", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Left leg: position-sense error 4.9° over 3 trials", html);
        Assert.Contains("Right leg: no completed trials.", html);
        Assert.Contains("<td class=\"num\">4.9°</td>", html);
        Assert.Contains("<td class=\"num\">-4.5°</td><td class=\"num\">4.5°</td>", html);
        Assert.Contains("— (no trial)", html);

        string pdf = Path.Combine(_folder, "drill-report.pdf");
        DrillPdfReportWriter.WriteFile(report, pdf);
        File.WriteAllText(Path.Combine(_folder, "drill-report.html"), html);
        string text = PdfText(pdf);
        Assert.Contains("Knee position-sense drill", text);
        Assert.Contains("Left leg: position-sense error 4.9°", text);
        Assert.Contains("-4.5°", text);
        if (Environment.GetEnvironmentVariable("VALGUS_DEBUG_IMAGES") is { } folder)
        {
            Directory.CreateDirectory(folder);
            File.Copy(pdf, Path.Combine(folder, "drill-report.pdf"), overwrite: true);
            File.WriteAllText(Path.Combine(folder, "drill-report.html"), html);
        }
    }

    private static string PdfText(string pdf)
    {
        var start = new System.Diagnostics.ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = System.Diagnostics.Process.Start(start)!;
        string text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
