namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// The colour bands for FPPA. Red starts at the valgus-event threshold so the colour agrees with the banner and
/// the report; amber starts at 5°, about the upper end of FPPA that healthy adults show in single-leg squats
/// (Munro, Herrington &amp; Carolan 2012 report means of roughly 5–9°; we take the lower end so amber warns early).
/// Varus (negative FPPA) stays green: the tool screens for valgus.
/// </summary>
public readonly record struct FppaBands(double AmberFromDegrees, double RedFromDegrees)
{
    public static FppaBands ForThreshold(double valgusThresholdDegrees) =>
        new(Math.Min(5.0, valgusThresholdDegrees), valgusThresholdDegrees);

    public FppaBand Classify(double? fppaDegrees)
    {
        if (fppaDegrees is not { } value || double.IsNaN(value))
        {
            return FppaBand.Undefined;
        }

        if (value >= RedFromDegrees)
        {
            return FppaBand.Valgus;
        }

        return value >= AmberFromDegrees ? FppaBand.Elevated : FppaBand.Normal;
    }
}
