namespace ValgusVision.ModelTools.TfLite;

/// <summary>A TFLite subgraph: its tensors, operators in execution order, and graph inputs/outputs (tensor indices).</summary>
public sealed record TfLiteSubgraph(
    string Name,
    IReadOnlyList<TfLiteTensor> Tensors,
    IReadOnlyList<TfLiteOperator> Operators,
    int[] Inputs,
    int[] Outputs)
{
    /// <summary>The graph input tensors, in order.</summary>
    public IReadOnlyList<TfLiteTensor> InputTensors => Inputs.Select(i => Tensors[i]).ToArray();

    /// <summary>The graph output tensors, in order.</summary>
    public IReadOnlyList<TfLiteTensor> OutputTensors => Outputs.Select(i => Tensors[i]).ToArray();

    /// <summary>The tensor called <paramref name="name"/>, or an error naming it.</summary>
    public TfLiteTensor TensorByName(string name)
    {
        foreach (TfLiteTensor t in Tensors)
        {
            if (t.Name == name)
            {
                return t;
            }
        }

        throw new KeyNotFoundException($"no tensor named '{name}' in subgraph '{Name}'");
    }
}
