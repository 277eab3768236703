using System.Runtime.CompilerServices;

namespace ValgusVision.ModelTools.Tests.Parity;

/// <summary>Where the parity tests find the repository, the shared test images and MediaPipe's original TFLite files.</summary>
internal static class ParityPaths
{
    public const string TfLiteDirVariable = "VALGUS_TFLITE_DIR";

    private const string PackageFolder = "mediapipe-pose-0.5.1675469404";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string TestData => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "testdata"));

    public static string ModelsDir => Path.Combine(RepositoryRoot, "models");

    /// <summary>
    /// The folder holding the four .tflite files: $VALGUS_TFLITE_DIR, else where tools/fetch-mediapipe-package.sh
    /// puts them ($VALGUS_CACHE_DIR, else $XDG_CACHE_HOME/valgusvision, else ~/.cache/valgusvision).
    /// </summary>
    public static string TfLiteDir
    {
        get
        {
            string? fromEnv = Environment.GetEnvironmentVariable(TfLiteDirVariable);
            if (!string.IsNullOrEmpty(fromEnv))
            {
                return fromEnv;
            }
            string? cache = Environment.GetEnvironmentVariable("VALGUS_CACHE_DIR");
            if (string.IsNullOrEmpty(cache))
            {
                string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
                string baseDir = string.IsNullOrEmpty(xdg)
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                    : xdg;
                cache = Path.Combine(baseDir, "valgusvision");
            }
            return Path.Combine(cache, PackageFolder);
        }
    }

    public static string TfLiteFile(string model) => TfLiteFile(model, TfLiteDir);

    public static string TfLiteFile(string model, string folder)
    {
        string path = Path.Combine(folder, model + ".tflite");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"MediaPipe's original {model}.tflite is missing at {path}: run tools/fetch-mediapipe-package.sh " +
                $"(./test.sh does) or set {TfLiteDirVariable} to the folder it prints", path);
        }
        return path;
    }

    public static string TestImage(string relativePath)
    {
        string path = Path.Combine(TestData, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"test image {relativePath} is missing at {path} (expected the shared test data next to the repository)", path);
        }
        return path;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ValgusVision.sln")))
            {
                return dir.FullName;
            }
        }
        // Built with --artifacts-path outside the checkout: fall back to where this source file was compiled from.
        for (var dir = new FileInfo(SourceFile()).Directory; dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ValgusVision.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no folder holding ValgusVision.sln above {AppContext.BaseDirectory}");
    }
}
