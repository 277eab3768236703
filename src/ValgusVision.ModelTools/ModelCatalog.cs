using ValgusVision.ModelTools.Onnx;
using ValgusVision.Pose.Runtime;

namespace ValgusVision.ModelTools;

/// <summary>
/// Finds the installed BlazePose ONNX models and checks them before use. The folder is the pose engine's
/// (<see cref="PoseModels.FindFolder()"/>: <c>VALGUS_MODELS_DIR</c> when set, else the first <c>models/</c> folder
/// holding a model or its README found by walking up from the app's base directory, then from the current
/// directory). A missing or corrupt model gives one clear error that says how to restore it.
/// </summary>
public sealed class ModelCatalog
{
    public const string EnvironmentVariable = PoseModels.ModelsDirectoryVariable;

    public const string DetectorFile = PoseModels.DetectorFileName;

    public const string LandmarkLiteFile = "pose_landmark_lite.onnx";

    public const string LandmarkFullFile = "pose_landmark_full.onnx";

    public const string LandmarkHeavyFile = "pose_landmark_heavy.onnx";

    /// <summary>The models this project installs, in the order <c>valgus models list</c> shows them.</summary>
    public static IReadOnlyList<string> KnownFiles => PoseModels.KnownFiles;

    public ModelCatalog(string folder)
    {
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The models folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>Locates the models folder with the pose engine's own search (<see cref="PoseModels.FindFolder()"/>).</summary>
    /// <exception cref="DirectoryNotFoundException">No models folder was found (the message says where it looked and how to fix it).</exception>
    public static ModelCatalog Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment) && !Directory.Exists(fromEnvironment))
        {
            throw new DirectoryNotFoundException($"{EnvironmentVariable}={fromEnvironment}: no such folder");
        }

        return PoseModels.FindFolder() is { } folder ? new ModelCatalog(folder) : throw NotFound(AppContext.BaseDirectory, Environment.CurrentDirectory);
    }

    /// <summary>The first models/ folder (holding a known model or README.md) above each start folder in turn.</summary>
    /// <exception cref="DirectoryNotFoundException">None was found.</exception>
    public static ModelCatalog LocateFrom(params string[] startFolders) =>
        PoseModels.FindFolderAbove(startFolders) is { } folder ? new ModelCatalog(folder) : throw NotFound(startFolders);

    /// <summary>Full path of <paramref name="fileName"/> in the folder, whether or not it exists.</summary>
    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    /// <summary>
    /// The path of a model that exists and reads as a valid ONNX model with graph inputs and outputs.
    /// </summary>
    /// <exception cref="InvalidDataException">The model is missing or corrupt; the message says how to restore it.</exception>
    public string Require(string fileName)
    {
        string path = PathOf(fileName);
        string fetch = fileName == LandmarkHeavyFile ? "./valgus models fetch --heavy" : "./valgus models fetch";
        string problem;
        if (!File.Exists(path))
        {
            problem = "is missing";
        }
        else
        {
            try
            {
                OnnxModelInfo info = OnnxModelInfo.Load(path);
                if (info.Inputs.Count > 0 && info.Outputs.Count > 0)
                {
                    return path;
                }

                problem = "is corrupt (no graph inputs or outputs)";
            }
            catch (InvalidDataException e)
            {
                problem = $"is corrupt ({e.Message})";
            }
        }

        throw new InvalidDataException($"models/{fileName} {problem}: run `{fetch}` (looked in {Folder})");
    }

    private static DirectoryNotFoundException NotFound(params string[] startFolders) =>
        new($"no models/ folder found above {string.Join(" or ", startFolders)}: run `./valgus models fetch` in the repository, or set {EnvironmentVariable}");
}
