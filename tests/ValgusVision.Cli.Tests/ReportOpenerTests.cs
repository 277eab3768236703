namespace ValgusVision.Cli.Tests;

/// <summary><c>--open</c> (issue 21 item 6): never an error on a machine without a desktop, never a wait.</summary>
public sealed class ReportOpenerTests : IDisposable
{
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose()
    {
        ReportOpener.SearchPathOverride = null;
        _files.Dispose();
    }

    [Fact]
    public void Without_xdg_open_it_says_where_the_report_is()
    {
        string empty = Directory.CreateDirectory(_files.File("no-programs")).FullName;
        string report = _files.File("trial.report.html");
        using var output = new StringWriter();

        ReportOpener.Open(report, output, searchPath: empty);

        Assert.Equal($"--open: no xdg-open here; the report is at {report}", output.ToString().TrimEnd());
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Without_a_desktop_it_says_where_the_report_is_and_starts_nothing()
    {
        string bin = Directory.CreateDirectory(_files.File("bin")).FullName;
        string opener = Path.Combine(bin, "xdg-open");
        string log = _files.File("opened.txt");
        File.WriteAllText(opener, $"#!/bin/sh\necho \"$1\" > '{log}'\n");
        File.SetUnixFileMode(opener, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string report = _files.File("trial.report.html");
        using var output = new StringWriter();

        ReportOpener.Open(report, output, searchPath: bin, desktop: false);

        Assert.Equal($"--open: no desktop here (DISPLAY and WAYLAND_DISPLAY are unset); the report is at {report}", output.ToString().TrimEnd());
        Thread.Sleep(300);
        Assert.False(File.Exists(log), "xdg-open was started without a desktop");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // xdg-open and its stand-in script are Linux's
    public void With_an_opener_it_starts_it_on_the_report_and_does_not_wait()
    {
        // A stand-in xdg-open that records its argument after a pause the caller must not wait for.
        string bin = Directory.CreateDirectory(_files.File("bin")).FullName;
        string opener = Path.Combine(bin, "xdg-open");
        string log = _files.File("opened.txt");
        File.WriteAllText(opener, $"#!/bin/sh\nsleep 1\necho \"$1\" > '{log}'\n");
        File.SetUnixFileMode(opener, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string report = _files.File("trial.report.html");
        using var output = new StringWriter();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        ReportOpener.Open(report, output, searchPath: bin, desktop: true);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(0.9), $"Open waited {clock.Elapsed}");

        Assert.Empty(output.ToString());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!File.Exists(log) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Thread.Sleep(100);
        Assert.Equal(report, File.ReadAllText(log).TrimEnd());
    }

    [Fact]
    public async Task Analyze_open_without_html_in_formats_is_one_line_and_exit_2()
    {
        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", Path.Combine(TestPaths.TestData, "images", "coco", "000000000785.jpg"), "--out", _files.Scratch, "--formats", "json", "--open");

        Assert.Equal(2, code);
        Assert.Equal("valgus: --open opens the HTML report: add html to --formats", error.TrimEnd());
        Assert.Empty(Directory.GetFiles(_files.Scratch));
    }

    [Fact]
    public async Task Analyze_open_on_a_machine_without_xdg_open_still_succeeds()
    {
        ReportOpener.SearchPathOverride = Directory.CreateDirectory(_files.File("no-programs")).FullName;

        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", Path.Combine(TestPaths.TestData, "images", "coco", "000000000785.jpg"), "--out", _files.Scratch, "--formats", "html", "--open");

        Assert.True(code == 0, error);
        Assert.True(File.Exists(_files.File("000000000785.report.html")));
    }

    [Fact]
    public async Task Reanalyze_open_needs_an_out_folder()
    {
        var (code, error) = await AnalyzeTestFiles.Run("reanalyze", _files.File("a.frames.csv"), "--open");

        Assert.Equal(2, code);
        Assert.Equal("valgus: --open: reanalyze writes a report only into an --out folder; add --out", error.TrimEnd());
    }

    [Fact]
    public async Task Live_open_needs_a_record_folder()
    {
        var (code, error) = await AnalyzeTestFiles.Run("live", "--headless", "--open");

        Assert.Equal(2, code);
        Assert.Equal("valgus: --open: live writes a report only with --record FOLDER", error.TrimEnd());
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Live_record_open_opens_the_recorded_sessions_report()
    {
        string bin = Directory.CreateDirectory(_files.File("bin")).FullName;
        string log = _files.File("opened.txt");
        string opener = Path.Combine(bin, "xdg-open");
        File.WriteAllText(opener, $"#!/bin/sh\necho \"$1\" > '{log}'\n");
        File.SetUnixFileMode(opener, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string folder = _files.File("session");
        var path = new Dictionary<string, string?> { ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"), ["DISPLAY"] = ":0" };

        using var live = new LiveProcess(["live", "--camera", TestPaths.Video("mmpose-demo-5frames.mp4"), "--headless", "--record", folder, "--open"], path);
        int exit = live.WaitForExit(TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"exit {exit}; stderr: {live.Error}; stdout: {live.Output}");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!File.Exists(log) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Thread.Sleep(100);
        Assert.Equal(Path.Combine(folder, "report.html"), File.ReadAllText(log).TrimEnd());
    }
}
