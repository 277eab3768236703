namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>
/// TFLite DENSIFY: rebuilds a dense tensor from its sparse encoding. Levels are walked in traversal order;
/// a DENSE level of size s gives a parent at position p the children p·s + i (i = 0…s−1), a SPARSE_CSR level
/// gives it the positions segments[p] … segments[p+1]−1 with coordinates indices[k]. Each leaf takes the next
/// stored value; everything else is zero. Block maps (block-sparse weights) do not occur here and are refused.
/// </summary>
public static class DensifyOp
{
    public static ReferenceTensor Run(
        int[] denseShape,
        IReadOnlyList<int> traversalOrder,
        IReadOnlyList<SparseDimension> levels,
        double[] values,
        ReferenceElementType elementType,
        string tensorName)
    {
        int rank = denseShape.Length;
        if (traversalOrder.Count != rank || levels.Count != rank)
        {
            throw new NotSupportedException(
                $"DENSIFY: sparse tensor '{tensorName}' has {traversalOrder.Count} traversal levels for rank {rank} (block maps are not supported by the reference)");
        }
        var dense = new double[ReferenceTensor.ElementCount(denseShape)];
        var coordinates = new int[rank];
        int consumed = 0;
        Walk(0, 0);
        if (consumed != values.Length)
        {
            throw new ArgumentException($"DENSIFY: sparse tensor '{tensorName}' stores {values.Length} values but its indices address {consumed}");
        }
        return new ReferenceTensor((int[])denseShape.Clone(), dense, elementType);

        void Walk(int level, int parent)
        {
            if (level == rank)
            {
                long flat = 0;
                for (int d = 0; d < rank; d++)
                {
                    flat = flat * denseShape[d] + coordinates[d];
                }
                if (consumed >= values.Length)
                {
                    throw new ArgumentException($"DENSIFY: sparse tensor '{tensorName}' addresses more than its {values.Length} stored values");
                }
                dense[flat] = values[consumed++];
                return;
            }
            var dim = levels[level];
            int axis = traversalOrder[level];
            if (!dim.IsSparse)
            {
                if (dim.DenseSize != denseShape[axis])
                {
                    throw new ArgumentException($"DENSIFY: sparse tensor '{tensorName}' level {level} is dense of size {dim.DenseSize} but axis {axis} has {denseShape[axis]}");
                }
                for (int i = 0; i < dim.DenseSize; i++)
                {
                    coordinates[axis] = i;
                    Walk(level + 1, parent * dim.DenseSize + i);
                }
                return;
            }
            if (parent + 1 >= dim.Segments.Length)
            {
                throw new ArgumentException($"DENSIFY: sparse tensor '{tensorName}' level {level} has too few segments");
            }
            for (int k = dim.Segments[parent]; k < dim.Segments[parent + 1]; k++)
            {
                int index = dim.Indices[k];
                if (index < 0 || index >= denseShape[axis])
                {
                    throw new ArgumentException($"DENSIFY: sparse tensor '{tensorName}' has index {index} outside axis {axis} of size {denseShape[axis]}");
                }
                coordinates[axis] = index;
                Walk(level + 1, k);
            }
        }
    }
}
