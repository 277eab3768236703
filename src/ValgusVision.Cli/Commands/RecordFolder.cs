using ValgusVision.Live.Session;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// <c>live --record DIR</c> never overwrites a session unasked: a folder that already holds files is refused (one line,
/// exit 2) unless <c>--force</c>, which first removes the previous session's files so none of them (a drill.csv from
/// an earlier drill) is mistaken for part of the new one.
/// </summary>
internal static class RecordFolder
{
    public static void Check(string? folder, bool force)
    {
        if (folder is null)
        {
            if (force)
            {
                throw new CliError("--force: only with --record FOLDER");
            }

            return;
        }

        if (File.Exists(folder))
        {
            throw new CliError($"--record {folder}: is a file, not a folder");
        }

        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return;
        }

        if (!force)
        {
            throw new CliError($"--record {folder}: the folder already holds files (an earlier session?); choose a new folder, or add --force to replace that session");
        }

        try
        {
            LiveRecorder.RemovePreviousSession(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliError($"--record {folder}: cannot remove the earlier session's files: {e.Message}", CliError.Failed, e);
        }
    }
}
