namespace ValgusVision.Cli;

/// <summary>A failure the user can act on: printed as one line (<c>valgus: message</c>) with its exit code.</summary>
public sealed class CliError(string message, int exitCode = CliError.BadInput, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The input could not be used (missing, corrupt, wrong kind).</summary>
    public const int BadInput = 2;

    /// <summary>Something failed while working on good input (an output folder could not be written, …).</summary>
    public const int Failed = 1;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    public int ExitCode { get; } = exitCode;
}
