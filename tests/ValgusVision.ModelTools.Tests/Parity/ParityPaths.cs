namespace ValgusVision.ModelTools.Tests.Parity;

/// <summary>Where the parity tests find MediaPipe's original TFLite files and the committed models and test images.</summary>
internal static class ParityPaths
{
    public const string TfLiteDirVariable = OptionalData.TfLiteDirVariable;

    public static string ModelsDir => TestPaths.Models;

    /// <summary>The folder holding the four .tflite files (see <see cref="OptionalData.MediaPipeTfLiteFolder"/>).</summary>
    public static string TfLiteDir => OptionalData.MediaPipeTfLiteFolder;

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

    public static string TestImage(string relativePath) => TestPaths.Data(relativePath);
}
