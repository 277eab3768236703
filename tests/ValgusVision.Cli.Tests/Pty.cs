using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// Runs valgus under a pseudo-terminal made by <c>script</c>, as a person typing it sees it (progress bars drawn,
/// the terminal's width); returns the exit code and everything the terminal showed.
/// </summary>
internal static partial class Pty
{
    /// <param name="columns">The terminal's width (<c>stty cols</c>), or null for script's default.</param>
    public static (int Code, string Text) Run(int? columns, params string[] args)
    {
        string command = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "valgus.dll") }.Concat(args).Select(Quote));
        if (columns is { } cols)
        {
            command = $"stty cols {cols}; {command}";
        }

        var start = new ProcessStartInfo("script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        start.Environment.Remove("CI"); // CI=true turns the bars off, as a CI log wants; a user's terminal has no CI
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["VALGUS_MODELS_DIR"] = TestPaths.Models;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        string text = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "valgus did not finish under script within 5 minutes");
        return (process.ExitCode, text + error.Result);
    }

    /// <summary>The text without its colour and cursor escapes, lines split.</summary>
    public static string[] PlainLines(string text) =>
        Escapes().Replace(text, "").Replace("\r", "", StringComparison.Ordinal).Split('\n');

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\x1b(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex Escapes();
}
