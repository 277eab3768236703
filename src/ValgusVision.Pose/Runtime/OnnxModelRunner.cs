using Microsoft.ML.OnnxRuntime;

namespace ValgusVision.Pose.Runtime;

/// <summary>
/// One ONNX Runtime session for one model, its shape contract checked at load, with every input and output bound
/// once to a pinned, reused float buffer (OrtValues over the buffers, one IoBinding), so <see cref="Run()"/> copies
/// and allocates nothing. Callers write <see cref="Input"/> and read <see cref="Output"/> after each run; the
/// buffers are overwritten by the next run. More lanes (<see cref="AddLane"/>: their own buffers and binding on the
/// same session) let two inputs run at once from two threads, which ORT allows on one session.
/// </summary>
public sealed class OnnxModelRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly List<Lane> _lanes = [];
    private readonly List<OrtValue> _values = [];
    private readonly TensorSpec _inputSpec;
    private readonly IReadOnlyList<TensorSpec> _outputSpecs;

    public OnnxModelRunner(
        string modelPath, string modelRole, TensorSpec input, IReadOnlyList<TensorSpec> outputs, int intraOpThreads,
        SessionOptions? sessionOptions = null, bool threadSpinning = false, ExecutionDevice device = ExecutionDevice.Cpu)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException(
                $"{modelRole} model '{modelPath}' not found; restore the models with `valgus models fetch`", modelPath);
        }

        ModelPath = modelPath;
        SessionOptions options = sessionOptions ?? CreateSessionOptions(intraOpThreads, threadSpinning, device);
        try
        {
            _session = new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException(
                $"{modelRole} model '{modelPath}' cannot be loaded by ONNX Runtime ({e.Message}); restore it with `valgus models fetch`", e);
        }
        finally
        {
            if (sessionOptions is null)
            {
                options.Dispose();
            }
        }

        _inputSpec = input;
        _outputSpecs = outputs;
        try
        {
            CheckContract(modelPath, modelRole, input, outputs);
            AddLane();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string ModelPath { get; }

    public Span<float> Input => _lanes[0].Input;

    public ReadOnlySpan<float> Output(int index) => _lanes[0].Outputs[index];

    public void Run() => Run(0);

    /// <summary>Lane <paramref name="lane"/>'s input buffer.</summary>
    public Span<float> InputOf(int lane) => _lanes[lane].Input;

    /// <summary>Lane <paramref name="lane"/>'s output <paramref name="index"/> after its last run.</summary>
    public ReadOnlySpan<float> OutputOf(int lane, int index) => _lanes[lane].Outputs[index];

    /// <summary>Runs one lane; different lanes may run at the same time on different threads, one lane never twice at once.</summary>
    public void Run(int lane)
    {
        var l = _lanes[lane];
        _session.RunWithBinding(l.RunOptions, l.Binding);
    }

    /// <summary>Another set of bound buffers on the same session (at load, not per frame); returns its index.</summary>
    public int AddLane()
    {
        var binding = _session.CreateIoBinding();
        var lane = new Lane(binding, new RunOptions(), Bind(binding, _inputSpec, isInput: true), new float[_outputSpecs.Count][]);
        _lanes.Add(lane);
        for (int i = 0; i < _outputSpecs.Count; i++)
        {
            lane.Outputs[i] = Bind(binding, _outputSpecs[i], isInput: false);
        }

        return _lanes.Count - 1;
    }

    /// <summary>
    /// ORT_ENABLE_ALL, sequential; thread spinning only when asked (docs/speed.md: spinning slows the stages that follow);
    /// the <paramref name="device"/>'s execution provider (<see cref="ExecutionDevices.Apply"/>).
    /// </summary>
    public static SessionOptions CreateSessionOptions(int intraOpThreads, bool threadSpinning = false, ExecutionDevice device = ExecutionDevice.Cpu)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", threadSpinning ? "1" : "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        try
        {
            ExecutionDevices.Apply(options, device);
        }
        catch
        {
            options.Dispose();
            throw;
        }

        return options;
    }

    public void Dispose()
    {
        foreach (var lane in _lanes)
        {
            lane.Binding.Dispose();
            lane.RunOptions.Dispose();
        }

        foreach (OrtValue value in _values)
        {
            value.Dispose();
        }

        _session?.Dispose();
    }

    private float[] Bind(OrtIoBinding binding, TensorSpec spec, bool isInput)
    {
        float[] buffer = GC.AllocateArray<float>(spec.ElementCount, pinned: true);
        OrtValue value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(), spec.Shape);
        _values.Add(value);
        if (isInput)
        {
            binding.BindInput(spec.Name, value);
        }
        else
        {
            binding.BindOutput(spec.Name, value);
        }

        return buffer;
    }

    private sealed record Lane(OrtIoBinding Binding, RunOptions RunOptions, float[] Input, float[][] Outputs);

    private void CheckContract(string modelPath, string modelRole, TensorSpec input, IReadOnlyList<TensorSpec> outputs)
    {
        var problems = new List<string>();
        CheckOne(_session.InputMetadata, input, "input", problems);
        foreach (TensorSpec output in outputs)
        {
            CheckOne(_session.OutputMetadata, output, "output", problems);
        }

        if (problems.Count > 0)
        {
            string expected = $"input {input}; outputs {string.Join(", ", outputs)}";
            throw new InvalidDataException(
                $"{modelRole} model '{modelPath}' does not have the BlazePose {modelRole} tensors: {string.Join("; ", problems)}. " +
                $"Expected float32 {expected}");
        }
    }

    private static void CheckOne(IReadOnlyDictionary<string, NodeMetadata> metadata, TensorSpec spec, string kind, List<string> problems)
    {
        if (!metadata.TryGetValue(spec.Name, out NodeMetadata? node))
        {
            problems.Add($"no {kind} named '{spec.Name}' (it has {string.Join(", ", metadata.Keys)})");
            return;
        }

        int[] dims = node.Dimensions;
        bool same = node.ElementType == typeof(float) && dims.Length == spec.Shape.Length;
        for (int i = 0; same && i < dims.Length; i++)
        {
            // A symbolic batch dimension (-1) is accepted; every other dimension must match.
            same = dims[i] == spec.Shape[i] || (i == 0 && dims[i] <= 0);
        }

        if (!same)
        {
            problems.Add($"{kind} '{spec.Name}' is {node.ElementType.Name} [{string.Join(",", dims)}]");
        }
    }
}
