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

    /// <summary>
    /// The path of a default model file: in <paramref name="directory"/> when given, else in VALGUS_MODELS_DIR when set, else in a models/ folder found
    /// by walking up from the current directory and from the application's folder (a repository checkout).
    /// </summary>
    public static string Locate(string fileName, string? directory)
    {
        directory ??= Environment.GetEnvironmentVariable(ModelsDirectoryVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        if (directory is not null)
        {
            return Path.Combine(directory, fileName);
        }

        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "models", fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException(
            $"model '{fileName}' not found in a models/ folder above '{Directory.GetCurrentDirectory()}' or " +
            $"'{AppContext.BaseDirectory}'; restore the models with `valgus models fetch`", fileName);
    }
}
