using System.Runtime.CompilerServices;

namespace ValgusVision.Live.Tests;

/// <summary>Finds files of the repository (and the shared test data beside it) for the tests.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    // With --artifacts-path the test assembly is not under the repository; this source file is.
    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); start.Length > 0 && dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "ValgusVision.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"no folder holding ValgusVision.sln above {AppContext.BaseDirectory}");
    }
}
