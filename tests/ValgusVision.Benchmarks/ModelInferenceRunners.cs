using ValgusVision.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using OpenCvSharp.Dnn;
using ValgusVision.ModelTools;

namespace ValgusVision.Benchmarks;

/// <summary>ONNX Runtime settings tried in the model benchmarks (the defaults are what the pose engine should use).</summary>
public sealed record OrtSettings(
    int IntraOpThreads = 2,
    bool AllowSpinning = false,
    GraphOptimizationLevel Optimization = GraphOptimizationLevel.ORT_ENABLE_ALL,
    bool MemoryPattern = true,
    bool CpuArena = true)
{
    public string Label => $"ORT t{IntraOpThreads} spin{(AllowSpinning ? 1 : 0)} {Optimization switch
    {
        GraphOptimizationLevel.ORT_ENABLE_ALL => "all",
        GraphOptimizationLevel.ORT_ENABLE_EXTENDED => "ext",
        GraphOptimizationLevel.ORT_ENABLE_BASIC => "basic",
        _ => "none",
    }}{(MemoryPattern ? string.Empty : " nomempat")}{(CpuArena ? string.Empty : " noarena")}";

    public SessionOptions ToSessionOptions()
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = Optimization,
            EnableMemoryPattern = MemoryPattern,
            EnableCpuMemArena = CpuArena,
        };

        // With spinning on, idle pool threads keep a core busy after each run and slow whatever runs next
        // (docs/speed.md); the pipeline decodes and draws between inferences.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", AllowSpinning ? "1" : "0");
        return options;
    }
}

/// <summary>One model under ONNX Runtime, with input and outputs bound once to reused buffers (no per-run allocation).</summary>
public sealed class OrtModelRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly OrtValue[] _inputs;
    private readonly OrtValue[] _outputs;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    public OrtModelRunner(string onnxPath, OrtSettings settings, float[] input)
        : this(onnxPath, settings.ToSessionOptions(), input, disposeOptions: true)
    {
    }

    public OrtModelRunner(string onnxPath, SessionOptions options, float[] input, bool disposeOptions = false)
    {
        _session = new InferenceSession(onnxPath, options);
        _inputNames = [.. _session.InputNames];
        _outputNames = [.. _session.OutputNames];
        long[] inputShape = [.. _session.InputMetadata[_inputNames[0]].Dimensions.Select(d => (long)d)];
        _inputs = [OrtValue.CreateTensorValueFromMemory(input, inputShape)];
        _outputs = new OrtValue[_outputNames.Length];
        for (int i = 0; i < _outputs.Length; i++)
        {
            int[] dims = _session.OutputMetadata[_outputNames[i]].Dimensions;
            var buffer = new float[dims.Aggregate(1, (a, b) => a * b)];
            _outputs[i] = OrtValue.CreateTensorValueFromMemory(buffer, [.. dims.Select(d => (long)d)]);
        }

        if (disposeOptions)
        {
            options.Dispose();
        }
    }

    /// <summary>Ends ORT profiling (when the session options enabled it) and returns the profile's file.</summary>
    public string EndProfiling() => _session.EndProfiling();

    public void Run() => _session.Run(_run, _inputNames, _inputs, _outputNames, _outputs);

    public void Dispose()
    {
        foreach (OrtValue v in _inputs.Concat(_outputs))
        {
            v.Dispose();
        }

        _run.Dispose();
        _session.Dispose();
    }
}

/// <summary>One TFLite model under OpenCV DNN's TFLite importer (a speed baseline only: it computes these models wrongly).</summary>
public sealed class OpenCvModelRunner : IDisposable
{
    private readonly Net _net;
    private readonly Mat _blob;
    private readonly string[] _outputNames;
    private readonly Mat[] _outputs;

    public OpenCvModelRunner(string tflitePath, int size, float[] input)
    {
        _net = CvDnn.ReadNet(tflitePath) ?? throw new InvalidOperationException($"{tflitePath}: OpenCV DNN could not load it");
        _net.SetPreferableBackend(Backend.OPENCV);
        _net.SetPreferableTarget(Target.CPU);
        _outputNames = _net.GetUnconnectedOutLayersNames().Where(n => n is not null).Select(n => n!).ToArray();
        _outputs = _outputNames.Select(_ => new Mat()).ToArray();

        // OpenCV's importer takes NCHW blobs; the values only need to be the same across runs.
        _blob = new Mat([1, 3, size, size], MatType.CV_32F);
        _blob.SetArray(input);
    }

    public void Run()
    {
        _net.SetInput(_blob);
        _net.Forward(_outputs, _outputNames);
    }

    public void Dispose()
    {
        foreach (Mat m in _outputs)
        {
            m.Dispose();
        }

        _blob.Dispose();
        _net.Dispose();
    }
}

/// <summary>Where the benchmark finds models and a fixed, deterministic input.</summary>
public static class ModelInferenceFiles
{
    /// <summary>The landmark models and the detector with their input sizes.</summary>
    public static readonly (string Model, int Size)[] Models =
    [
        ("pose_detection", 224),
        ("pose_landmark_lite", 256),
        ("pose_landmark_full", 256),
        ("pose_landmark_heavy", 256),
    ];

    public static string Onnx(string model)
    {
        var catalog = ModelCatalog.LocateFrom(TestPaths.RepoRoot);
        return catalog.Require(model + ".onnx");
    }

    public static string TfLite(string model) => Path.Combine(new MediaPipePoseDownload().Ensure(), model + ".tflite");

    /// <summary>Smooth pseudo-image values in [-1, 1] (timing does not depend on content, but NaN/denormals would).</summary>
    public static float[] Input(int size)
    {
        var data = new float[size * size * 3];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = MathF.Sin(i * 0.001f);
        }

        return data;
    }
}
