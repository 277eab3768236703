using System.Numerics;

namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>
/// The two inner loops every convolution here reduces to, in double. SIMD only changes the order of
/// the additions, which is far below the 1e-4 tolerance the reference is used for.
/// </summary>
internal static class DoubleKernels
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"dot product of lengths {a.Length} and {b.Length}");
        }
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            int last = a.Length - Vector<double>.Count;
            for (; i <= last; i += Vector<double>.Count)
            {
                acc += new Vector<double>(a.Slice(i)) * new Vector<double>(b.Slice(i));
            }
            sum = Vector.Sum(acc);
        }
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /// <summary>acc[i] += a[i]·b[i] for every i.</summary>
    public static void MultiplyAccumulate(Span<double> acc, ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != acc.Length || b.Length != acc.Length)
        {
            throw new ArgumentException($"multiply-accumulate of lengths {acc.Length}, {a.Length}, {b.Length}");
        }
        int i = 0;
        if (Vector.IsHardwareAccelerated && acc.Length >= Vector<double>.Count)
        {
            int last = acc.Length - Vector<double>.Count;
            for (; i <= last; i += Vector<double>.Count)
            {
                var sum = new Vector<double>(acc.Slice(i)) + new Vector<double>(a.Slice(i)) * new Vector<double>(b.Slice(i));
                sum.CopyTo(acc.Slice(i));
            }
        }
        for (; i < acc.Length; i++)
        {
            acc[i] += a[i] * b[i];
        }
    }
}
