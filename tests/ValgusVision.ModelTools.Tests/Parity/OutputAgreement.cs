using ValgusVision.ModelTools.Tests.Reference;

namespace ValgusVision.ModelTools.Tests.Parity;

/// <summary>
/// How far one output of a model run differs from the reference: the largest absolute difference divided by
/// the reference output's range (max − min), so outputs in pixels, metres and logits are judged alike.
/// </summary>
internal readonly record struct OutputAgreement(string Name, int[] Shape, double Range, double MaxAbsoluteError, double Tolerance)
{
    /// <summary>Relative to the range; a single-value output (the pose presence, a probability) has no range and is judged absolutely.</summary>
    public double RelativeError => Range > 0 ? MaxAbsoluteError / Range : MaxAbsoluteError;

    public bool Passes => RelativeError <= Tolerance;

    /// <summary>1e-4 of the range; the segmentation logits 1e-3, since float32 cancellation on their large range leaves ~1.7e-4 (issue 9).</summary>
    public static double ToleranceFor(string outputName) => outputName == "Identity_2" ? 1e-3 : 1e-4;

    public static OutputAgreement Measure(string name, ReferenceTensor reference, ReadOnlySpan<float> candidate)
    {
        if (candidate.Length != reference.Data.Length)
        {
            throw new ArgumentException($"output '{name}': candidate has {candidate.Length} values, reference {reference.ShapeText} has {reference.Data.Length}");
        }
        double min = double.PositiveInfinity, max = double.NegativeInfinity, worst = 0;
        for (int i = 0; i < candidate.Length; i++)
        {
            double r = reference.Data[i];
            min = Math.Min(min, r);
            max = Math.Max(max, r);
            double diff = Math.Abs(r - candidate[i]);
            // NaN must fail, not vanish in Math.Max.
            worst = double.IsNaN(diff) ? double.PositiveInfinity : Math.Max(worst, diff);
        }
        return new OutputAgreement(name, reference.Shape, max - min, worst, ToleranceFor(name));
    }

    public override string ToString() =>
        $"{Name} [{string.Join(",", Shape)}]: range {Range:G6}, max |Δ| {MaxAbsoluteError:G3}, relative {RelativeError:E2} (limit {Tolerance:E0})";
}
