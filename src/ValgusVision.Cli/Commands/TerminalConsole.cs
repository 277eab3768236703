using Spectre.Console;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// Spectre consoles for the commands' tables: colour and the terminal's own width for a person at a terminal, plain
/// text 160 columns wide for files, pipes and tests (Spectre's default 80 would squeeze the tables).
/// </summary>
internal static class TerminalConsole
{
    private const int PlainWidth = 160;

    /// <summary>A console that writes to <paramref name="output"/>.</summary>
    public static IAnsiConsole Over(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }

    /// <summary>
    /// What <paramref name="write"/> prints, as plain text, for a line that is assembled before it is printed: as wide
    /// as the terminal when stdout is one, else <see cref="PlainWidth"/>.
    /// </summary>
    public static string Text(Action<IAnsiConsole> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var text = new StringWriter();
        var console = Over(text);
        if (!Console.IsOutputRedirected && TerminalWidth() is { } width)
        {
            console.Profile.Width = width;
        }

        write(console);
        return text.ToString().TrimEnd('\n', '\r');
    }

    private static int? TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
