using ValgusVision.ModelTools.TfLite;

namespace ValgusVision.ModelTools.Converter;

/// <summary>
/// Expands a TFLite sparse constant (what the DENSIFY op does at run time) into a dense row-major array.
/// Supports any mix of DENSE and SPARSE_CSR dimensions with the identity traversal order and no block
/// map, which is what the BlazePose detector uses; anything else is refused with the tensor's name.
/// </summary>
internal static class SparseTensorDensifier
{
    public static float[] Densify(TfLiteTensor tensor, string modelName)
    {
        TfLiteSparsity sparsity = tensor.Sparsity
            ?? throw new ModelConversionException($"{modelName}: tensor '{tensor.Name}' is not sparse");
        int[] shape = tensor.Shape;
        int rank = shape.Length;
        string what = $"{modelName}: sparse tensor '{tensor.Name}'";
        if (sparsity.BlockMap.Length != 0)
        {
            throw new ModelConversionException($"{what} uses a block map, which is not supported");
        }

        if (sparsity.TraversalOrder.Length != rank || sparsity.DimensionMetadata.Count != rank)
        {
            throw new ModelConversionException($"{what} has {sparsity.TraversalOrder.Length} traversal axes and {sparsity.DimensionMetadata.Count} dimension records for rank {rank}");
        }

        for (int d = 0; d < rank; d++)
        {
            if (sparsity.TraversalOrder[d] != d)
            {
                throw new ModelConversionException($"{what} has traversal order [{string.Join(',', sparsity.TraversalOrder)}]; only the identity order is supported");
            }

            TfLiteDimensionMetadata m = sparsity.DimensionMetadata[d];
            if (m.Format == TfLiteDimensionType.DENSE && m.DenseSize != shape[d])
            {
                throw new ModelConversionException($"{what}: dense dimension {d} has size {m.DenseSize}, the shape says {shape[d]}");
            }

            if (m.Format == TfLiteDimensionType.SPARSE_CSR && (m.ArraySegments is null || m.ArrayIndices is null))
            {
                throw new ModelConversionException($"{what}: sparse dimension {d} lacks array_segments or array_indices");
            }
        }

        float[] values = tensor.ToFloatArray();
        var strides = new long[rank];
        long count = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            strides[d] = count;
            count *= shape[d];
        }

        var dense = new float[count];
        var state = new Walk(sparsity.DimensionMetadata, shape, strides, values, dense, what);
        state.Fill(0, 0, 0);
        return dense;
    }

    private sealed class Walk(
        IReadOnlyList<TfLiteDimensionMetadata> dims,
        int[] shape,
        long[] strides,
        float[] values,
        float[] dense,
        string what)
    {
        /// <summary>
        /// Visits level <paramref name="level"/> below the entry at <paramref name="parentPosition"/> of the
        /// level above. At the leaves the position is the index into the stored values, as in TFLite.
        /// </summary>
        public void Fill(int level, int parentPosition, long denseOffset)
        {
            if (level == dims.Count)
            {
                if (parentPosition >= values.Length)
                {
                    throw new ModelConversionException($"{what} needs value {parentPosition} but stores {values.Length}");
                }

                dense[denseOffset] = values[parentPosition];
                return;
            }

            TfLiteDimensionMetadata m = dims[level];
            if (m.Format == TfLiteDimensionType.DENSE)
            {
                for (int i = 0; i < m.DenseSize; i++)
                {
                    Fill(level + 1, (parentPosition * m.DenseSize) + i, denseOffset + (i * strides[level]));
                }

                return;
            }

            int[] segments = m.ArraySegments!;
            int[] indices = m.ArrayIndices!;
            if (parentPosition + 1 >= segments.Length)
            {
                throw new ModelConversionException($"{what}: dimension {level} has {segments.Length} segment bounds, needs entry {parentPosition + 1}");
            }

            int start = segments[parentPosition];
            int end = segments[parentPosition + 1];
            if (start < 0 || end < start || end > indices.Length)
            {
                throw new ModelConversionException($"{what}: dimension {level} segment {parentPosition} spans {start}..{end} of {indices.Length} indices");
            }

            for (int k = start; k < end; k++)
            {
                int index = indices[k];
                if (index < 0 || index >= shape[level])
                {
                    throw new ModelConversionException($"{what}: dimension {level} index {index} is outside 0..{shape[level] - 1}");
                }

                Fill(level + 1, k, denseOffset + (index * strides[level]));
            }
        }
    }
}
