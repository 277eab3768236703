namespace ValgusVision.ModelTools.TfLite;

/// <summary>
/// One operator of a subgraph, in execution order. <see cref="Inputs"/> and <see cref="Outputs"/> are
/// tensor indices; an input of -1 means "optional input not given".
/// </summary>
/// <param name="Index">Position in the subgraph's operator list.</param>
/// <param name="Op">Builtin code, resolved from <c>builtin_code</c> and <c>deprecated_builtin_code</c>.</param>
/// <param name="CustomCode">Name of a custom op (<see cref="TfLiteBuiltinOperator.CUSTOM"/>), else null.</param>
/// <param name="OptionsUnionType">The raw <c>builtin_options_type</c> (0 when absent).</param>
/// <param name="Options">Typed options, or null for an op whose options this reader does not type.</param>
public sealed record TfLiteOperator(
    int Index,
    TfLiteBuiltinOperator Op,
    string? CustomCode,
    int[] Inputs,
    int[] Outputs,
    int OptionsUnionType,
    TfLiteOperatorOptions? Options)
{
    /// <summary>The options as <typeparamref name="T"/>, or an error naming the op when they are something else.</summary>
    public T OptionsAs<T>()
        where T : TfLiteOperatorOptions
        => Options as T ?? throw new InvalidDataException(
            $"operator {Index} ({Op}) has options {Options?.GetType().Name ?? "none"}, expected {typeof(T).Name}");
}
