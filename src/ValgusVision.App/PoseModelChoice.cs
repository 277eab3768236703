using ValgusVision.Pose;
using ValgusVision.Pose.Runtime;

namespace ValgusVision.App;

/// <summary><c>--model</c>: one of the three bundled landmark models by name, or the path of an ONNX file.</summary>
public sealed record PoseModelChoice(PoseModelKind Kind, string? LandmarkModelPath)
{
    public static PoseModelChoice Default { get; } = new(PoseModelKind.Full, null);

    public static PoseModelChoice Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "lite" => new(PoseModelKind.Lite, null),
        "full" => new(PoseModelKind.Full, null),
        "heavy" => new(PoseModelKind.Heavy, null),
        _ when File.Exists(text) => new(PoseModelKind.Full, Path.GetFullPath(text)),
        _ => throw new ArgumentException($"--model: '{text}' is neither lite, full, heavy nor an existing model file"),
    };

    /// <summary>Name for reports: the kind, or the file name of a custom model.</summary>
    public string Name => LandmarkModelPath is null ? Kind.ToString().ToLowerInvariant() : Path.GetFileName(LandmarkModelPath);

    /// <summary>Where ONNX Runtime runs the models (<c>--device</c>); the CPU unless asked.</summary>
    public ExecutionDevice Device { get; init; } = ExecutionDevice.Cpu;

    public BlazePoseOptions Options(bool stillImage) => new()
    {
        Model = Kind,
        LandmarkModelPath = LandmarkModelPath,
        Device = Device,
        // A still has no neighbours: MediaPipe's static mode runs the detector and no smoothing.
        StaticImageMode = stillImage,
    };
}
