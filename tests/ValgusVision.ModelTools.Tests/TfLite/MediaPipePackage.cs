namespace ValgusVision.ModelTools.Tests.TfLite;

/// <summary>
/// The original MediaPipe TFLite files, in the folder tools/fetch-mediapipe-package.sh fills (./test.sh runs it).
/// Tests that read them are marked <c>[NeedsFact(Needs.MediaPipeTfLite)]</c> and are skipped, with that reason, without them.
/// </summary>
public static class MediaPipePackage
{
    /// <summary>Full path of a file of the package, e.g. "pose_landmark_full.tflite".</summary>
    public static string File(string name) => Path.Combine(OptionalData.MediaPipeTfLiteFolder, name);
}
