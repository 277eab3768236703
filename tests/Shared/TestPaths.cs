namespace ValgusVision.Tests.Support;

/// <summary>Locates the repository (the folder holding ValgusVision.sln) and the shared test data beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string TestData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "testdata"));

    public static string Video(string name) => Path.Combine(TestData, "videos", name);

    public static string Image(string relative) => Path.Combine(TestData, "images", relative);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ValgusVision.sln")))
            {
                return dir.FullName;
            }
        }

        // Built with --artifacts-path outside the repo: fall back to the source file's location.
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(ThisFile())!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ValgusVision.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ValgusVision.sln not found above the test assembly");
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
