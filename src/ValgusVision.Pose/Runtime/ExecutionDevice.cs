using Microsoft.ML.OnnxRuntime;

namespace ValgusVision.Pose.Runtime;

/// <summary>Where ONNX Runtime runs the pose models (<c>--device</c>): the CPU (the default everywhere) or an NVIDIA GPU through CUDA.</summary>
public enum ExecutionDevice
{
    Cpu,
    Cuda,
}

/// <summary>Parsing <c>--device</c>, and whether this build and machine can run on the device asked for.</summary>
public static class ExecutionDevices
{
    /// <summary>What the CPU build says to <c>--device cuda</c>: how to get the other build, and what it needs.</summary>
    public const string GpuBuildHint = "CUDA needs the GPU build (dotnet build -p:OnnxRuntimeGpu=true) and a CUDA 12/13 GPU";

    private const string CudaProvider = "CUDAExecutionProvider";

    public static ExecutionDevice Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "cpu" => ExecutionDevice.Cpu,
        "cuda" or "gpu" => ExecutionDevice.Cuda,
        _ => throw new ArgumentException($"--device: '{text}' is neither cpu nor cuda"),
    };

    /// <summary>Null when the device can be used; else one line saying why not (the command-line error).</summary>
    public static string? UnavailableReason(ExecutionDevice device)
    {
        if (device == ExecutionDevice.Cpu)
        {
            return null;
        }

        // The CPU package lists only the CPU provider; the GPU package lists CUDA whether or not a GPU is present,
        // so a session is tried as well: that is where a missing driver, GPU or CUDA library shows.
        if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProvider, StringComparer.Ordinal))
        {
            return GpuBuildHint;
        }

        // ORT also logs the failure itself, as a second line beside ours: quiet while probing.
        OrtEnv env = OrtEnv.Instance();
        OrtLoggingLevel level = env.EnvLogLevel;
        env.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        try
        {
            using var options = new SessionOptions();
            options.AppendExecutionProvider_CUDA(0);
            return null;
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            return $"{GpuBuildHint}; here: {e.Message.ReplaceLineEndings(" ")}";
        }
        finally
        {
            env.EnvLogLevel = level;
        }
    }

    /// <summary>Adds the device's execution provider to <paramref name="options"/> (nothing for the CPU, ORT's default).</summary>
    public static void Apply(SessionOptions options, ExecutionDevice device)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (device == ExecutionDevice.Cuda)
        {
            if (UnavailableReason(device) is { } reason)
            {
                throw new NotSupportedException(reason);
            }

            // The CPU provider stays registered after CUDA: any node CUDA cannot run falls back to it.
            options.AppendExecutionProvider_CUDA(0);
        }
    }
}
