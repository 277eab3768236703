using ValgusVision.Video;

namespace ValgusVision.Cli;

/// <summary>
/// Where OpenCV's and FFmpeg's own messages go (issue 21 item 2): nowhere normally, since what matters in them reaches
/// the user as our own warnings; with <c>--verbose</c> into <c>valgus-native-PID.log</c> in the temporary folder, named
/// on stderr once so a developer can find it.
/// </summary>
internal static class NativeMessages
{
    public static async Task<TextWriter> ConfigureAsync(bool verbose, TextWriter error)
    {
        if (!verbose)
        {
            NativeLogging.Silence();
            return error;
        }

        string log = Path.Combine(Path.GetTempPath(), $"valgus-native-{Environment.ProcessId}.log");
        bool ownStderr = ReferenceEquals(error, Console.Error);
        if (!NativeLogging.RedirectTo(log))
        {
            await error.WriteLineAsync("valgus: --verbose: the native libraries' messages are silenced on this system (no log file)");
            return error;
        }

        // Console.Error now writes to the terminal through a copy of the old stderr; a caller's own writer stays.
        var writer = ownStderr ? Console.Error : error;
        await writer.WriteLineAsync($"valgus: --verbose: OpenCV/FFmpeg messages are logged to {log}");
        return writer;
    }
}
