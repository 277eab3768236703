using System.Diagnostics;

namespace ValgusVision.Rendering.Tests.Fixtures;

/// <summary>Poppler's command-line tools (Debian's poppler-utils), the independent reader the PDF tests use.</summary>
internal static class Poppler
{
    public static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var path = "/usr/bin/" + tool;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{tool} is needed for the PDF report tests: install Debian's 'poppler-utils' package");
        }

        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within 120 s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
