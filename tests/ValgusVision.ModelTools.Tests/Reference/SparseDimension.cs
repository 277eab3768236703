namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>
/// One level of a TFLite SparsityParameters.dim_metadata: DENSE with its size, or SPARSE_CSR with
/// array_segments (per parent position, where its children start) and array_indices (each child's index).
/// </summary>
public sealed record SparseDimension(bool IsSparse, int DenseSize, int[] Segments, int[] Indices)
{
    public static SparseDimension Dense(int size) => new(false, size, Array.Empty<int>(), Array.Empty<int>());

    public static SparseDimension Csr(int[] segments, int[] indices) => new(true, 0, segments, indices);
}
