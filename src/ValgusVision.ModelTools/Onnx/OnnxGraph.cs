namespace ValgusVision.ModelTools.Onnx;

/// <summary>
/// An ONNX graph under construction: nodes in topological order, initializers, inputs and outputs. Node
/// and value names must be unique; <see cref="UniqueName"/> hands out names that are.
/// </summary>
public sealed class OnnxGraph
{
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private readonly List<OnnxValueInfo> _inputs = [];
    private readonly List<OnnxValueInfo> _outputs = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public OnnxGraph(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public IReadOnlyList<OnnxNode> Nodes => _nodes;

    public IReadOnlyList<OnnxTensor> Initializers => _initializers;

    public IReadOnlyList<OnnxValueInfo> Inputs => _inputs;

    public IReadOnlyList<OnnxValueInfo> Outputs => _outputs;

    /// <summary>Reserves <paramref name="wanted"/>, or the first free "<paramref name="wanted"/>__2", "__3", …</summary>
    public string UniqueName(string wanted)
    {
        if (_names.Add(wanted))
        {
            return wanted;
        }

        for (int i = 2; ; i++)
        {
            string candidate = $"{wanted}__{i}";
            if (_names.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Reserves an exact name (graph inputs and outputs must keep theirs); an error if it is taken.</summary>
    public string ExactName(string name)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"the name '{name}' is already used in graph '{Name}'");
        }

        return name;
    }

    public void AddInput(OnnxValueInfo input) => _inputs.Add(input);

    public void AddOutput(OnnxValueInfo output) => _outputs.Add(output);

    public void AddInitializer(OnnxTensor tensor) => _initializers.Add(tensor);

    public void AddNode(OnnxNode node) => _nodes.Add(node);

    /// <summary>Adds a node with one output whose name is given, and returns that name.</summary>
    public string Add(string opType, string nodeName, string output, string[] inputs, params OnnxAttribute[] attributes)
    {
        _nodes.Add(new OnnxNode(nodeName, opType, inputs, [output], attributes));
        return output;
    }
}
