using ValgusVision.Rendering.Reports;

namespace ValgusVision.Rendering.Tests.Reports;

public sealed class ReportTextTests
{
    [Theory]
    [InlineData(-0.04, "0.0°")]
    [InlineData(0.04, "0.0°")]
    [InlineData(-0.06, "-0.1°")]
    [InlineData(14.26, "14.3°")]
    public void Degrees_that_round_to_zero_carry_no_sign(double value, string expected) =>
        Assert.Equal(expected, ReportText.Deg(value));

    [Theory]
    [InlineData(-0.3, "0", "0")]
    [InlineData(-0.03, "0.0", "0.0")]
    [InlineData(-0.03, "+0.0;-0.0;0.0", "0.0")]
    [InlineData(2.26, "+0.0;-0.0;0.0", "+2.3")]
    public void Numbers_that_round_to_zero_carry_no_sign(double value, string format, string expected) =>
        Assert.Equal(expected, ReportText.Number(value, format));

    [Fact]
    public void Undefined_values_print_as_the_undefined_mark() =>
        Assert.Equal(ReportText.Undefined, ReportText.Deg(null));
}
