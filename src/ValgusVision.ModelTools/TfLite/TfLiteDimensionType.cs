namespace ValgusVision.ModelTools.TfLite;

/// <summary>Storage format of one dimension of a sparse tensor (schema enum <c>DimensionType</c>).</summary>
public enum TfLiteDimensionType : byte
{
    DENSE = 0,
    SPARSE_CSR = 1,
}
