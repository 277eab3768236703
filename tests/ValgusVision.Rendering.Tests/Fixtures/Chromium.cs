using System.Diagnostics;

namespace ValgusVision.Rendering.Tests.Fixtures;

/// <summary>Debian's headless Chromium, run as a program: loads a page, returns its console log and a screenshot.</summary>
internal static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string Executable =>
        Candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("headless Chromium is needed for the HTML report tests: install Debian's 'chromium' package");

    /// <summary>Screenshots <paramref name="htmlPath"/> at the given window size and returns Chromium's log.</summary>
    public static string Screenshot(string htmlPath, string pngPath, int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("vv-chromium-");
        try
        {
            return Run(profile.FullName,
                "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile.FullName}",
                $"--screenshot={pngPath}", $"--window-size={width},{height}", "--virtual-time-budget=5000",
                new Uri(htmlPath).AbsoluteUri);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static string Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start Chromium");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within 120 s");
        }

        return stdout.Result + stderr.Result;
    }
}
