namespace ValgusVision.Tests.Support;

/// <summary>
/// The one place the tests and benchmarks find the repository and its files: the folder holding ValgusVision.sln,
/// its models/, samples/ and docs/, and the real images and videos in tests/data/mmpose (copied from mmpose with
/// their licence, so a fresh clone has everything a test reads; nothing is read from beside the repository).
/// </summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The real test images and videos (tests/data/mmpose/MANIFEST.md lists them and their sources).</summary>
    public static string TestData => Path.Combine(RepoRoot, "tests", "data", "mmpose");

    public static string Models => Path.Combine(RepoRoot, "models");

    /// <summary>The repository's models/, or VALGUS_MODELS_DIR when set (as the model catalog does).</summary>
    public static string ModelsOrOverride =>
        Environment.GetEnvironmentVariable("VALGUS_MODELS_DIR") is { Length: > 0 } dir ? dir : Models;

    public static string Sample(string fileName) => Path.Combine(RepoRoot, "samples", fileName);

    public static string Doc(string fileName) => Path.Combine(RepoRoot, "docs", fileName);

    public static string Video(string name) => Data("videos/" + name);

    public static string Image(string relative) => Data("images/" + relative);

    /// <summary>A file under tests/data/mmpose, e.g. "images/h36m/h36m_coco.json"; a missing one fails with its path.</summary>
    public static string Data(string relative)
    {
        string path = Path.GetFullPath(Path.Combine(TestData, relative));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"test data '{path}' is missing (it is committed under tests/data/mmpose)", path);
        }

        return path;
    }

    private static string FindRepoRoot()
    {
        // The test assembly normally sits under the repository; built with --artifacts-path it does not, so the
        // current folder and this source file's compile-time location are tried too.
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(ThisFile()) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); start.Length > 0 && dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ValgusVision.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"no folder holding ValgusVision.sln above '{AppContext.BaseDirectory}' or '{Environment.CurrentDirectory}'");
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
