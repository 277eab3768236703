using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;

namespace ValgusVision.Cli;

/// <summary>
/// <c>--open</c> (issue 21 item 6): shows a written HTML report in the desktop's browser through xdg-open, detached so the
/// command never waits for the browser; on a machine without xdg-open (a server, a container) it says where the report is.
/// </summary>
public static class ReportOpener
{
    public const string Name = "--open";

    /// <summary>Where to look for xdg-open instead of PATH; tests point it at an empty folder so no browser starts.</summary>
    public static string? SearchPathOverride { get; set; }

    public static Option<bool> CreateOption() => new(Name)
    {
        Description = "open the HTML report in the desktop's browser (xdg-open) once it is written",
    };

    /// <summary>Starts xdg-open on <paramref name="htmlPath"/> without waiting; a missing opener is one line on <paramref name="output"/>.</summary>
    /// <param name="searchPath">Folders to look for xdg-open in (PATH's syntax); null: <see cref="SearchPathOverride"/> or PATH.</param>
    /// <param name="desktop">Whether a desktop can show a browser; null: DISPLAY or WAYLAND_DISPLAY is set.</param>
    public static void Open(string htmlPath, TextWriter output, string? searchPath = null, bool? desktop = null)
    {
        ArgumentNullException.ThrowIfNull(htmlPath);
        ArgumentNullException.ThrowIfNull(output);
        string report = Path.GetFullPath(htmlPath);
        string? opener = Find("xdg-open", searchPath ?? SearchPathOverride ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty);
        if (opener is null)
        {
            output.WriteLine($"{Name}: no xdg-open here; the report is at {report}");
            return;
        }

        if (!(desktop ?? HasDesktop()))
        {
            // Over SSH or in a container xdg-open would fail unseen (its output is discarded): say so instead.
            output.WriteLine($"{Name}: no desktop here (DISPLAY and WAYLAND_DISPLAY are unset); the report is at {report}");
            return;
        }

        // sh backgrounds the opener with its output discarded: the browser's chatter stays off our terminal and nothing waits.
        var start = new ProcessStartInfo("/bin/sh", ["-c", "\"$0\" \"$1\" >/dev/null 2>&1 </dev/null &", opener, report])
        {
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start);
        }
        catch (Win32Exception e)
        {
            output.WriteLine($"{Name}: {opener} could not be started ({e.Message}); the report is at {report}");
        }
    }

    private static bool HasDesktop() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));

    private static string? Find(string program, string searchPath) =>
        searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
