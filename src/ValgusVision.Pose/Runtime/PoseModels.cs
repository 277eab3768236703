namespace ValgusVision.Pose.Runtime;

/// <summary>
/// The tensor contract of the BlazePose ONNX files (TFLite names and shapes kept by our converter) and where the
/// default files live.
/// </summary>
public static class PoseModels
{
    public const string DetectorFileName = "pose_detection.onnx";

    /// <summary>Overrides the models folder, as ValgusVision.ModelTools' catalog does.</summary>
    public const string ModelsDirectoryVariable = "VALGUS_MODELS_DIR";

    public static TensorSpec DetectorInput { get; } = new("input_1", [1, 224, 224, 3]);

    /// <summary>Regressors [1,2254,12], then score logits [1,2254,1].</summary>
    public static IReadOnlyList<TensorSpec> DetectorOutputs { get; } =
        [new("Identity", [1, 2254, 12]), new("Identity_1", [1, 2254, 1])];

    public static TensorSpec LandmarkInput { get; } = new("input_1", [1, 256, 256, 3]);

    /// <summary>Landmarks, pose presence, segmentation logits, heatmap logits, world landmarks.</summary>
    public static IReadOnlyList<TensorSpec> LandmarkOutputs { get; } =
    [
        new("Identity", [1, 195]),
        new("Identity_1", [1, 1]),
        new("Identity_2", [1, 256, 256, 1]),
        new("Identity_3", [1, 64, 64, 39]),
        new("Identity_4", [1, 117]),
    ];

    public static string LandmarkFileName(PoseModelKind kind) => kind switch
    {
        PoseModelKind.Lite => "pose_landmark_lite.onnx",
        PoseModelKind.Full => "pose_landmark_full.onnx",
        PoseModelKind.Heavy => "pose_landmark_heavy.onnx",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown landmark model"),
    };

    /// <summary>The model files this project installs, in the order <c>valgus models list</c> shows them.</summary>
    public static IReadOnlyList<string> KnownFiles { get; } =
        [DetectorFileName, LandmarkFileName(PoseModelKind.Lite), LandmarkFileName(PoseModelKind.Full), LandmarkFileName(PoseModelKind.Heavy)];

    /// <summary>
    /// The one models-folder search, used by the pose engine and by <c>valgus models</c> alike: VALGUS_MODELS_DIR when
    /// set (as given, whether or not it exists), else the first models/ folder holding a known model or its README found
    /// by walking up from the application's folder (an installed or repository build), then from the current folder.
    /// Null when there is none.
    /// </summary>
    public static string? FindFolder() =>
        Environment.GetEnvironmentVariable(ModelsDirectoryVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : FindFolderAbove(AppContext.BaseDirectory, Directory.GetCurrentDirectory());

    /// <summary>The first models/ folder (holding a known model or README.md) above each start folder in turn; null when none.</summary>
    public static string? FindFolderAbove(params string[] startFolders)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        foreach (string start in startFolders)
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "models");
                if (LooksLikeModelsFolder(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The path of a default model file: in <paramref name="directory"/> when given, else in the folder
    /// <see cref="FindFolder()"/> finds.
    /// </summary>
    public static string Locate(string fileName, string? directory)
    {
        if (directory is not null)
        {
            return Path.Combine(directory, fileName);
        }

        if (FindFolder() is { } found)
        {
            string path = Path.Combine(found, fileName);
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException(
                    $"model '{fileName}' is not in {found}; restore the models with `valgus models fetch`{(fileName == LandmarkFileName(PoseModelKind.Heavy) ? " --heavy" : string.Empty)}", path);
        }

        throw new FileNotFoundException(
            $"model '{fileName}' not found: no models/ folder above '{AppContext.BaseDirectory}' or " +
            $"'{Directory.GetCurrentDirectory()}'; restore the models with `valgus models fetch`, or set {ModelsDirectoryVariable}", fileName);
    }

    private static bool LooksLikeModelsFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return false;
        }

        if (File.Exists(Path.Combine(folder, "README.md")))
        {
            return true;
        }

        foreach (string file in KnownFiles)
        {
            if (File.Exists(Path.Combine(folder, file)))
            {
                return true;
            }
        }

        return false;
    }
}
