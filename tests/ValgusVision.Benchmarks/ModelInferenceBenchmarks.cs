using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OpenCvSharp;

namespace ValgusVision.Benchmarks;

/// <summary>
/// One inference per model: ORT on our ONNX (2 threads, no spinning, all graph optimisations; the pipeline now uses 1 thread on 2 cores, docs/speed.md)
/// against OpenCV DNN on the original TFLite (2 threads). Short runs: the machine is shared.
/// For a fair ratio on a noisy machine use <see cref="ModelInferenceInterleaved"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcess))]
public class ModelInferenceBenchmarks
{
    private OrtModelRunner? _ort;
    private OpenCvModelRunner? _openCv;

    [Params("pose_landmark_lite", "pose_landmark_full", "pose_landmark_heavy")]
    public string Model { get; set; } = "pose_landmark_full";

    [GlobalSetup]
    public void Setup()
    {
        Cv2.SetNumThreads(2);
        float[] input = ModelInferenceFiles.Input(256);
        _ort = new OrtModelRunner(ModelInferenceFiles.Onnx(Model), new OrtSettings(), input);
        _openCv = new OpenCvModelRunner(ModelInferenceFiles.TfLite(Model), 256, input);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ort?.Dispose();
        _openCv?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void OpenCvDnn() => _openCv!.Run();

    [Benchmark]
    public void OnnxRuntime() => _ort!.Run();

    /// <summary>
    /// Few iterations, in process: native sessions load once, and no generated project has to build on a
    /// busy shared machine (the out-of-process job failed to run there).
    /// </summary>
    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10));
        }
    }
}
