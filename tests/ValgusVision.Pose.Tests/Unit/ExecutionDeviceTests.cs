using Microsoft.ML.OnnxRuntime;
using ValgusVision.Pose.Runtime;

namespace ValgusVision.Pose.Tests.Unit;

/// <summary>The <c>--device</c> seam: CPU always; CUDA only in the GPU build on a CUDA machine, else one line saying how to get it.</summary>
public sealed class ExecutionDeviceTests
{
    private static bool GpuBuild => OrtEnv.Instance().GetAvailableProviders().Contains("CUDAExecutionProvider");

    [Theory]
    [InlineData("cpu", ExecutionDevice.Cpu)]
    [InlineData(" CUDA ", ExecutionDevice.Cuda)]
    [InlineData("gpu", ExecutionDevice.Cuda)]
    public void Device_names_parse(string text, ExecutionDevice expected) => Assert.Equal(expected, ExecutionDevices.Parse(text));

    [Fact]
    public void Unknown_device_is_refused_naming_the_choices()
    {
        var e = Assert.Throws<ArgumentException>(() => ExecutionDevices.Parse("tpu"));
        Assert.Equal("--device: 'tpu' is neither cpu nor cuda", e.Message);
    }

    [Fact]
    public void Cpu_is_always_available() => Assert.Null(ExecutionDevices.UnavailableReason(ExecutionDevice.Cpu));

    [Fact]
    public void Cuda_without_the_gpu_build_or_a_gpu_says_how_to_get_it_in_one_line()
    {
        string? reason = ExecutionDevices.UnavailableReason(ExecutionDevice.Cuda);
        if (!GpuBuild)
        {
            Assert.Equal("CUDA needs the GPU build (dotnet build -p:OnnxRuntimeGpu=true) and a CUDA 12/13 GPU", reason);
        }
        else if (reason is not null)
        {
            // The GPU build on a machine without a usable GPU: the same hint, then ONNX Runtime's own reason.
            Assert.StartsWith(ExecutionDevices.GpuBuildHint + "; here: ", reason, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', reason);
        }
    }

    [Fact]
    public void Estimator_asked_for_an_unavailable_cuda_refuses_with_the_reason()
    {
        if (ExecutionDevices.UnavailableReason(ExecutionDevice.Cuda) is not { } reason)
        {
            // A CUDA machine with the GPU build: the estimator must load and run there instead.
            using var estimator = new BlazePoseEstimator(TestFiles.Options() with { Device = ExecutionDevice.Cuda });
            return;
        }

        var e = Assert.Throws<NotSupportedException>(() => new BlazePoseEstimator(TestFiles.Options() with { Device = ExecutionDevice.Cuda }));
        Assert.Equal(reason, e.Message);
    }
}
