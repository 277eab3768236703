namespace ValgusVision.ModelTools.TfLite;

/// <summary>
/// How one dimension of a sparse tensor is stored (schema table <c>DimensionMetadata</c>). For a DENSE
/// dimension only <see cref="DenseSize"/> matters. For a SPARSE_CSR dimension, the non-zero entries of
/// parent position <c>i</c> are <c>ArrayIndices[ArraySegments[i] .. ArraySegments[i+1]]</c>.
/// </summary>
public sealed record TfLiteDimensionMetadata(
    TfLiteDimensionType Format,
    int DenseSize,
    int[]? ArraySegments,
    int[]? ArrayIndices);
