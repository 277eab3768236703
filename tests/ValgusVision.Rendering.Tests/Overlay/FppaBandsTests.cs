using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Tests.Overlay;

public class FppaBandsTests
{
    private static readonly FppaBands Bands = FppaBands.ForThreshold(10.0);

    [Theory]
    [InlineData(0.0, FppaBand.Normal)]
    [InlineData(4.9, FppaBand.Normal)]
    [InlineData(5.0, FppaBand.Elevated)]
    [InlineData(9.99, FppaBand.Elevated)]
    [InlineData(10.0, FppaBand.Valgus)]
    [InlineData(25.0, FppaBand.Valgus)]
    public void Fppa_is_green_below_5_amber_up_to_the_threshold_and_red_from_it(double fppa, FppaBand expected) =>
        Assert.Equal(expected, Bands.Classify(fppa));

    [Fact]
    public void Varus_is_green() => Assert.Equal(FppaBand.Normal, Bands.Classify(-12.0));

    [Fact]
    public void Missing_or_nan_fppa_is_undefined()
    {
        Assert.Equal(FppaBand.Undefined, Bands.Classify(null));
        Assert.Equal(FppaBand.Undefined, Bands.Classify(double.NaN));
    }

    [Fact]
    public void A_threshold_below_5_degrees_starts_amber_at_the_threshold()
    {
        var low = FppaBands.ForThreshold(3.0);
        Assert.Equal(FppaBand.Normal, low.Classify(2.9));
        Assert.Equal(FppaBand.Valgus, low.Classify(3.0));
    }
}
