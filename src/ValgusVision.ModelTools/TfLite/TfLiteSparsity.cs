namespace ValgusVision.ModelTools.TfLite;

/// <summary>
/// Sparse storage of a constant tensor (schema table <c>SparsityParameters</c>): the order in which the
/// (possibly blocked) dimensions are traversed, the block map, and one <see cref="TfLiteDimensionMetadata"/>
/// per traversed dimension. The non-zero values are the tensor's buffer, in traversal order.
/// </summary>
public sealed record TfLiteSparsity(
    int[] TraversalOrder,
    int[] BlockMap,
    IReadOnlyList<TfLiteDimensionMetadata> DimensionMetadata);
