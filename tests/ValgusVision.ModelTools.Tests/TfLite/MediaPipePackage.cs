using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ValgusVision.ModelTools.Tests.TfLite;

/// <summary>
/// Locates the original MediaPipe TFLite files: the folder printed by tools/fetch-mediapipe-package.sh,
/// which is free once the package is cached (and fetches and checks it otherwise).
/// </summary>
public static class MediaPipePackage
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    /// <summary>The repository root: the folder holding ValgusVision.sln above the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Full path of a file of the package, e.g. "pose_landmark_full.tflite".</summary>
    public static string File(string name) => Path.Combine(Folder.Value, name);

    // The test assembly normally sits under the repository; with --artifacts-path it does not, so the
    // current directory and this source file's compile-time location are tried as well.
    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); start.Length > 0 && dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "ValgusVision.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"no ValgusVision.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}");
    }

    private static string FindFolder()
    {
        string script = Path.Combine(RepositoryRoot, "tools", "fetch-mediapipe-package.sh");
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {script}");
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {error}");
        }

        return output.Trim();
    }
}
