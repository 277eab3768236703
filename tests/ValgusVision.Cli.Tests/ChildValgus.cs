using System.Diagnostics;

namespace ValgusVision.Cli.Tests;

/// <summary>Runs a program (valgus itself, or a wrapper that starts it) to its end: exit code, stdout and stderr apart.</summary>
internal static class ChildValgus
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "valgus.dll");

    /// <summary><c>dotnet valgus.dll ARGS</c> from the repository root.</summary>
    public static (int Code, string Output, string Error) Run(params string[] args) => Start("dotnet", [Dll, .. args]);

    public static (int Code, string Output, string Error) Start(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["VALGUS_MODELS_DIR"] = TestPaths.Models;

        // In-process commands of other tests silenced the native libraries through this process's environment; the
        // child must start as a user's shell does, so its own silencing is what is tested.
        start.Environment.Remove("OPENCV_LOG_LEVEL");
        start.Environment.Remove("OPENCV_FFMPEG_LOGLEVEL");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 5 minutes; stdout: {output}");
        }

        return (process.ExitCode, output, error.Result);
    }
}
