using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ValgusVision.Video;

/// <summary>
/// Keeps the native libraries' own messages off the user's terminal. OpenCV prints "[ WARN:0@0.001] global cap.cpp…"
/// and its bundled FFmpeg prints decoder complaints ("[h264 @ 0x…] error while decoding MB…") straight to the process's
/// stderr, beside our one-line errors; what they report reaches the user as our own warnings (a truncated video, a
/// failed write). Both libraries read their log level from the environment when they first start, so the variables are
/// set in the native environment (.NET's Environment.SetEnvironmentVariable does not reach C's getenv on Unix) before
/// any video is opened. With <c>--verbose</c> the messages are kept instead: the process's stderr (file descriptor 2)
/// goes to a log file and .NET's Console.Error keeps the terminal.
/// </summary>
public static partial class NativeLogging
{
    /// <summary>OpenCV's own log: errors only reach us as exceptions, which we report.</summary>
    public const string OpenCvVariable = "OPENCV_LOG_LEVEL";

    /// <summary>FFmpeg inside OpenCV: a level of -8 is AV_LOG_QUIET.</summary>
    public const string FfmpegVariable = "OPENCV_FFMPEG_LOGLEVEL";

    private static readonly Lock s_gate = new();
    private static string? s_logFile;
    private static bool s_silenced;

    /// <summary>The file native messages go to under <c>--verbose</c>; null when they are silenced.</summary>
    public static string? LogFile => s_logFile;

    /// <summary>Silences the native libraries. Call before the first video is opened; harmless when called again.</summary>
    public static void Silence()
    {
        // Once per process: C's setenv is not safe beside another thread's getenv, and commands run in-process in
        // the tests, many at once.
        lock (s_gate)
        {
            if (s_silenced || s_logFile is not null)
            {
                return;
            }

            SetNative(OpenCvVariable, "SILENT");
            SetNative(FfmpegVariable, "-8");
            s_silenced = true;
        }
    }

    /// <summary>
    /// Sends everything native code writes to stderr into <paramref name="logFile"/> (appended), at the libraries'
    /// default levels (OpenCV warnings, FFmpeg errors); Console.Error keeps writing where stderr went before. Returns
    /// false (and silences them instead) on Windows, whose C runtime keeps its own stderr.
    /// </summary>
    public static bool RedirectTo(string logFile)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Silence();
            return false;
        }

        if (s_logFile is not null)
        {
            return true; // Already redirected: a second dup would take the log for the terminal.
        }

        const int stderrFd = 2;
        using var log = new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        int terminal = Dup(stderrFd);
        if (terminal < 0 || Dup2((int)log.SafeFileHandle.DangerousGetHandle(), stderrFd) < 0)
        {
            throw new IOException($"{logFile}: native stderr could not be redirected there (error {Marshal.GetLastPInvokeError()})");
        }

        // The libraries' default levels, whatever this process inherited (a parent's Silence is in its environment):
        // with OPENCV_FFMPEG_LOGLEVEL set at all, OpenCV would print FFmpeg's messages to stdout instead.
        SetNative(OpenCvVariable, "WARNING");
        SetNative(FfmpegVariable, null);
        var stream = new FileStream(new SafeFileHandle(terminal, ownsHandle: true), FileAccess.Write, bufferSize: 1);
        Console.SetError(new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { AutoFlush = true });
        s_logFile = Path.GetFullPath(logFile);
        return true;
    }

    /// <summary>Sets (or with null removes) a variable in .NET's copy of the environment and in C's.</summary>
    private static void SetNative(string name, string? value)
    {
        Environment.SetEnvironmentVariable(name, value); // for child processes started by .NET
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if ((value is null ? UnsetEnv(name) : SetEnv(name, value, 1)) != 0)
        {
            throw new InvalidOperationException($"setenv {name} failed (error {Marshal.GetLastPInvokeError()})");
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "unsetenv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnsetEnv(string name);

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int fd, int fd2);
}
