namespace ValgusVision.ModelTools.Tests.Reference;

public class ElementwiseOpTests
{
    [Fact]
    public void Add_with_relu6_clamps_the_sum()
    {
        var output = AddOp.Run(
            new ReferenceTensor(new[] { 1, 3 }, new double[] { 1, -3, 5 }),
            new ReferenceTensor(new[] { 1, 3 }, new double[] { 2, 1, 4 }),
            FusedActivation.Relu6);

        TensorAssert.Equal(new[] { 1, 3 }, new double[] { 3, 0, 6 }, output);
    }

    [Fact]
    public void Add_without_activation_keeps_negative_sums()
    {
        var output = AddOp.Run(
            new ReferenceTensor(new[] { 2 }, new double[] { 1, -3 }),
            new ReferenceTensor(new[] { 2 }, new double[] { 2, 1 }),
            FusedActivation.None);

        TensorAssert.Equal(new[] { 2 }, new double[] { 3, -2 }, output);
    }

    [Fact]
    public void Add_refuses_operands_of_different_shapes()
    {
        var ex = Assert.Throws<NotSupportedException>(() => AddOp.Run(
            ReferenceTensor.Zeros(1, 2), ReferenceTensor.Zeros(1, 3), FusedActivation.None));
        Assert.Contains("[1,2]", ex.Message);
    }

    [Fact]
    public void Logistic_of_zero_is_one_half_and_of_ln3_is_three_quarters()
    {
        var output = LogisticOp.Run(new ReferenceTensor(new[] { 3 }, new[] { 0, Math.Log(3), -Math.Log(3) }));

        TensorAssert.Equal(new[] { 3 }, new[] { 0.5, 0.75, 0.25 }, output, 1e-15);
    }

    [Fact]
    public void Float16_bits_decode_to_their_exact_values()
    {
        Assert.Equal(1.0, DequantizeOp.HalfBitsToDouble(0x3C00));
        Assert.Equal(-2.0, DequantizeOp.HalfBitsToDouble(0xC000));
        // 0x3555: exponent 13 → 2^−2, fraction 0x155 = 341 → (1 + 341/1024)/4 = 0.333251953125.
        Assert.Equal(0.333251953125, DequantizeOp.HalfBitsToDouble(0x3555));
        Assert.Equal(65504.0, DequantizeOp.HalfBitsToDouble(0x7BFF));
        // Smallest subnormal: 2^−24.
        Assert.Equal(5.9604644775390625e-8, DequantizeOp.HalfBitsToDouble(0x0001));
        Assert.Equal(double.PositiveInfinity, DequantizeOp.HalfBitsToDouble(0x7C00));
        Assert.True(double.IsNaN(DequantizeOp.HalfBitsToDouble(0x7E00)));
    }

    [Fact]
    public void Dequantize_reads_little_endian_float16_buffers()
    {
        // 1.0 = 0x3C00 and −0.5 = 0xB800, each stored low byte first.
        var values = DequantizeOp.DecodeHalfBuffer(new byte[] { 0x00, 0x3C, 0x00, 0xB8 }, "w");
        var output = DequantizeOp.Run(new ReferenceTensor(new[] { 2 }, values, ReferenceElementType.Float16));

        Assert.Equal(ReferenceElementType.Float32, output.ElementType);
        TensorAssert.Equal(new[] { 2 }, new[] { 1.0, -0.5 }, output);
    }

    [Fact]
    public void Dequantize_refuses_anything_but_float16()
    {
        Assert.Throws<NotSupportedException>(() => DequantizeOp.Run(ReferenceTensor.Zeros(1)));
    }
}
