using ValgusVision.ModelTools.Tests.Reference;

namespace ValgusVision.ModelTools.Tests.Parity;

public class OutputAgreementTests
{
    [Fact]
    public void Error_is_the_largest_difference_over_the_reference_range()
    {
        // Range 10 − (−10) = 20, worst difference 0.002 → 1e-4.
        var reference = new ReferenceTensor(new[] { 3 }, new double[] { -10, 0, 10 });
        var agreement = OutputAgreement.Measure("Identity", reference, new float[] { -10.001f, 0.002f, 10 });

        Assert.Equal(20, agreement.Range);
        Assert.Equal(1e-4, agreement.RelativeError, 1e-6);
    }

    [Fact]
    public void An_error_above_the_limit_fails()
    {
        var reference = new ReferenceTensor(new[] { 2 }, new double[] { 0, 1 });
        var agreement = OutputAgreement.Measure("Identity_4", reference, new float[] { 0, 1.001f });

        Assert.False(agreement.Passes);
    }

    [Fact]
    public void Segmentation_logits_get_the_looser_limit()
    {
        Assert.Equal(1e-3, OutputAgreement.ToleranceFor("Identity_2"));
        Assert.Equal(1e-4, OutputAgreement.ToleranceFor("Identity_3"));
    }

    [Fact]
    public void NaN_in_the_candidate_fails()
    {
        var reference = new ReferenceTensor(new[] { 2 }, new double[] { 0, 1 });
        var agreement = OutputAgreement.Measure("Identity", reference, new[] { 0, float.NaN });

        Assert.False(agreement.Passes);
    }
}
