using System.Runtime.CompilerServices;
using ValgusVision.ModelTools;

namespace ValgusVision.Cli.Tests;

/// <summary>Paths the models command tests need: the repository's models/ folder and the cached MediaPipe package.</summary>
internal static class ModelsTestFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ModelsFolder => Path.Combine(RepositoryRoot, "models");

    /// <summary>The unpacked MediaPipe package (npm-packed into the cache on first use, then reused).</summary>
    public static string PackageFile(string name) => Path.Combine(new MediaPipePoseDownload().Ensure(), name);

    // With --artifacts-path the test assembly is not under the repository; the source file's location is.
    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); start.Length > 0 && dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ValgusVision.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"no ValgusVision.sln above {AppContext.BaseDirectory}");
    }
}
