namespace ValgusVision.ModelTools.Tests.Reference;

internal static class TensorAssert
{
    public static void Equal(int[] expectedShape, double[] expected, ReferenceTensor actual, double tolerance = 1e-12)
    {
        Assert.Equal(expectedShape, actual.Shape);
        Assert.Equal(expected.Length, actual.Data.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual.Data[i]) <= tolerance,
                $"element {i}: expected {expected[i]}, got {actual.Data[i]} (all: {string.Join(", ", actual.Data)})");
        }
    }

    /// <summary>A [1,H,W,1] tensor whose value at (y,x) is y·W + x.</summary>
    public static ReferenceTensor Ramp(int h, int w)
    {
        var data = new double[h * w];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = i;
        }
        return new ReferenceTensor(new[] { 1, h, w, 1 }, data);
    }

    public static ReferenceTensor Filled(int[] shape, double value)
    {
        var data = new double[ReferenceTensor.ElementCount(shape)];
        Array.Fill(data, value);
        return new ReferenceTensor(shape, data);
    }
}
