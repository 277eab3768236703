namespace ValgusVision.Cli.Commands;

/// <summary>Runs a report writer into an <c>--out</c> folder; an output that cannot be written is one line and exit 1.</summary>
internal static class CompareOutputs
{
    public static IReadOnlyList<string> Write(string folder, Func<string, IReadOnlyList<string>> write)
    {
        try
        {
            return write(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliError($"--out {folder}: cannot be written ({e.Message})", CliError.Failed, e);
        }
    }
}
