using ValgusVision.ModelTools;

namespace ValgusVision.Cli.Tests;

/// <summary>Paths the models command tests need: the repository's models/ folder and the cached MediaPipe package.</summary>
internal static class ModelsTestFiles
{
    public static string ModelsFolder => TestPaths.Models;

    /// <summary>The unpacked MediaPipe package (npm-packed into the cache on first use, then reused).</summary>
    public static string PackageFile(string name) => Path.Combine(new MediaPipePoseDownload().Ensure(), name);
}
