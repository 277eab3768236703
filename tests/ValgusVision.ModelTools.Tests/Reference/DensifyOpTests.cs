namespace ValgusVision.ModelTools.Tests.Reference;

public class DensifyOpTests
{
    [Fact]
    public void Csr_on_the_last_axis_puts_each_value_at_its_row_and_column()
    {
        // A [3,1,1,4] weight as the detector stores it: DENSE, DENSE, DENSE, SPARSE_CSR.
        // Row 0 has columns 1 and 3, row 1 nothing, row 2 column 0.
        var levels = new[]
        {
            SparseDimension.Dense(3), SparseDimension.Dense(1), SparseDimension.Dense(1),
            SparseDimension.Csr(new[] { 0, 2, 2, 3 }, new[] { 1, 3, 0 }),
        };
        var output = DensifyOp.Run(
            new[] { 3, 1, 1, 4 }, new[] { 0, 1, 2, 3 }, levels, new double[] { 5, 6, 7 }, ReferenceElementType.Float16, "w");

        TensorAssert.Equal(new[] { 3, 1, 1, 4 }, new double[] { 0, 5, 0, 6, 0, 0, 0, 0, 7, 0, 0, 0 }, output);
        Assert.Equal(ReferenceElementType.Float16, output.ElementType);
    }

    [Fact]
    public void Csr_segments_index_by_the_dense_parent_position()
    {
        // [2,3] matrix [[0, 8, 9], [4, 0, 0]]: segments [0,2,3], indices [1,2,0].
        var levels = new[] { SparseDimension.Dense(2), SparseDimension.Csr(new[] { 0, 2, 3 }, new[] { 1, 2, 0 }) };
        var output = DensifyOp.Run(new[] { 2, 3 }, new[] { 0, 1 }, levels, new double[] { 8, 9, 4 }, ReferenceElementType.Float32, "m");

        TensorAssert.Equal(new[] { 2, 3 }, new double[] { 0, 8, 9, 4, 0, 0 }, output);
    }

    [Fact]
    public void Traversal_order_swaps_which_axis_a_level_indexes()
    {
        // Traversal (1, 0): the outer level walks columns, the sparse inner level picks rows.
        // Column 0 holds row 1, column 1 holds rows 0 and 1 → [[0, 2], [1, 3]].
        var levels = new[] { SparseDimension.Dense(2), SparseDimension.Csr(new[] { 0, 1, 3 }, new[] { 1, 0, 1 }) };
        var output = DensifyOp.Run(new[] { 2, 2 }, new[] { 1, 0 }, levels, new double[] { 1, 2, 3 }, ReferenceElementType.Float32, "t");

        TensorAssert.Equal(new[] { 2, 2 }, new double[] { 0, 2, 1, 3 }, output);
    }

    [Fact]
    public void More_values_than_indices_is_an_error_naming_the_tensor()
    {
        var levels = new[] { SparseDimension.Dense(1), SparseDimension.Csr(new[] { 0, 1 }, new[] { 0 }) };
        var ex = Assert.Throws<ArgumentException>(() => DensifyOp.Run(
            new[] { 1, 2 }, new[] { 0, 1 }, levels, new double[] { 1, 2 }, ReferenceElementType.Float32, "conv_w"));
        Assert.Contains("conv_w", ex.Message);
    }
}
