using Microsoft.ML.OnnxRuntime;

namespace ValgusVision.Pose.Runtime;

/// <summary>
/// One ONNX Runtime session for one model, its shape contract checked at load, with every input and output bound
/// once to a pinned, reused float buffer (OrtValues over the buffers, one IoBinding), so <see cref="Run"/> copies
/// and allocates nothing. Callers write <see cref="Input"/> and read <see cref="Output"/> after each run; the
/// buffers are overwritten by the next run.
/// </summary>
public sealed class OnnxModelRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions = new();
    private readonly List<OrtValue> _values = [];
    private readonly float[] _input;
    private readonly float[][] _outputs;

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

        try
        {
            CheckContract(modelPath, modelRole, input, outputs);
            _binding = _session.CreateIoBinding();
            _input = Bind(input, isInput: true);
            _outputs = new float[outputs.Count][];
            for (int i = 0; i < outputs.Count; i++)
            {
                _outputs[i] = Bind(outputs[i], isInput: false);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string ModelPath { get; }

    public Span<float> Input => _input;

    public ReadOnlySpan<float> Output(int index) => _outputs[index];

    public void Run() => _session.RunWithBinding(_runOptions, _binding);

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
        _binding?.Dispose();
        foreach (OrtValue value in _values)
        {
            value.Dispose();
        }

        _runOptions.Dispose();
        _session?.Dispose();
    }

    private float[] Bind(TensorSpec spec, bool isInput)
    {
        float[] buffer = GC.AllocateArray<float>(spec.ElementCount, pinned: true);
        OrtValue value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(), spec.Shape);
        _values.Add(value);
        if (isInput)
        {
            _binding.BindInput(spec.Name, value);
        }
        else
        {
            _binding.BindOutput(spec.Name, value);
        }

        return buffer;
    }

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
