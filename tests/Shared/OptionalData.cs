namespace ValgusVision.Tests.Support;

/// <summary>Data a test may need that a clone does not hold (fetched separately); a test without it is skipped, visibly.</summary>
internal enum Needs
{
    /// <summary>MediaPipe's original .tflite files, fetched with npm by tools/fetch-mediapipe-package.sh (./test.sh runs it).</summary>
    MediaPipeTfLite,
}

/// <summary>Where optional data lives and, when it is absent, the reason a test is skipped.</summary>
internal static class OptionalData
{
    public const string TfLiteDirVariable = "VALGUS_TFLITE_DIR";

    private const string MediaPipePackageFolder = "mediapipe-pose-0.5.1675469404";

    /// <summary>
    /// The folder holding MediaPipe's .tflite files: $VALGUS_TFLITE_DIR, else where tools/fetch-mediapipe-package.sh
    /// puts them ($VALGUS_CACHE_DIR, else $XDG_CACHE_HOME/valgusvision, else ~/.cache/valgusvision).
    /// </summary>
    public static string MediaPipeTfLiteFolder
    {
        get
        {
            if (Environment.GetEnvironmentVariable(TfLiteDirVariable) is { Length: > 0 } fromEnv)
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

            return Path.Combine(cache, MediaPipePackageFolder);
        }
    }

    /// <summary>Null when the data is there, else why the test cannot run and how to get it.</summary>
    public static string? MissingReason(Needs needs) => needs switch
    {
        Needs.MediaPipeTfLite => File.Exists(Path.Combine(MediaPipeTfLiteFolder, "pose_landmark_full.tflite"))
            && File.Exists(Path.Combine(MediaPipeTfLiteFolder, "pose_detection.tflite"))
            ? null
            : $"needs MediaPipe's .tflite files in {MediaPipeTfLiteFolder}: run tools/fetch-mediapipe-package.sh (./test.sh does) or set {TfLiteDirVariable}",
        _ => throw new ArgumentOutOfRangeException(nameof(needs), needs, null),
    };
}

/// <summary>A fact that is skipped, with the reason shown, when the optional data it needs is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class NeedsFactAttribute : FactAttribute
{
    public NeedsFactAttribute(Needs needs) => Skip = OptionalData.MissingReason(needs)!;
}

/// <summary>A theory that is skipped, with the reason shown, when the optional data it needs is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class NeedsTheoryAttribute : TheoryAttribute
{
    public NeedsTheoryAttribute(Needs needs) => Skip = OptionalData.MissingReason(needs)!;
}
