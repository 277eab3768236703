using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using OpenCvSharp;

namespace ValgusVision.Benchmarks;

/// <summary>
/// One inference per model: ORT on our ONNX (the pipeline's settings: 2 threads, no spinning, all graph
/// optimisations) against OpenCV DNN on the original TFLite (2 threads). Short runs: the machine is shared.
/// For a fair ratio on a noisy machine use <see cref="ModelInferenceInterleaved"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
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
}
