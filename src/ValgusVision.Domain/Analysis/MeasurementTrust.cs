using System.Globalization;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// The one rule for whether an FPPA's accuracy is known, so reports, the overlay and live colour a number red only
/// when it can be trusted. Untrusted numbers are still shown — grey, with <see cref="Reason"/> beside them. The
/// known accuracy itself (the evaluated bound) is stated by the app from the accuracy evaluation; this rule says when
/// that evaluation does not cover the recording: a set-up it did not test, a body turned from the camera, a leg the
/// camera could not see at a rep's bottom, or legs too small in the picture.
/// </summary>
/// <param name="IsTrusted">The number may be coloured against the limit (red, amber, green).</param>
/// <param name="Reason">Why not, in a few words after "accuracy unknown: "; null when trusted.</param>
public sealed record MeasurementTrust(bool IsTrusted, string? Reason)
{
    /// <summary>
    /// Legs shorter than this in the picture (standing hip to ankle, px) make the accuracy unknown. At 100 px the
    /// half-leg is 50 px, so one pixel of knee error moves the FPPA by 2·atan(1/50) ≈ 2.3°, a large share of the
    /// stated bound; body B's resolution set held within 2.4° down to 60 px legs, but on one slim body only
    /// (docs/accuracy.md), so this floor stays where a pixel still matters less than the bound. A 160 × 120 copy of a sample (legs ≈ 30 px)
    /// read 12.9° instead of 14.6° and swapped the legs in 58 frames.
    /// </summary>
    public const double MinLegPx = 100;

    public static MeasurementTrust Trusted { get; } = new(true, null);

    /// <summary>The whole session's headline: every rep frontal with a measured view, every rep measured, legs large enough.</summary>
    /// <param name="setupEvaluated">The pose model and its levers are the evaluated defaults.</param>
    public static MeasurementTrust Of(SessionAnalysis analysis, bool setupEvaluated)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (!setupEvaluated)
        {
            return new(false, "set-up not evaluated");
        }

        double? worstYaw = null;
        foreach (var rep in analysis.Reps)
        {
            if (rep.Quality.MaxOffAxisDeg is not { } yaw)
            {
                return new(false, "view angle not measured");
            }

            worstYaw = Math.Max(worstYaw ?? 0, yaw);
        }

        if (worstYaw is { } w && w > analysis.Settings.ViewWarningYawDeg)
        {
            return new(false, F($"not a frontal view (body turned up to {w:0}° from the camera)"));
        }

        if (analysis.Summary.NotMeasured is { } why)
        {
            return new(false, "not all reps measured — " + why.Describe());
        }

        if (analysis.Reference.LegScalePx is { } leg && leg < MinLegPx)
        {
            return new(false, Small(leg));
        }

        return Trusted;
    }

    /// <summary>One frame (the overlay's banner and colours, live's): its own view, and the legs' size in the picture.</summary>
    public static MeasurementTrust OfFrame(FrameMetrics frame, StandingReference reference, bool setupEvaluated)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(reference);
        if (!setupEvaluated)
        {
            return new(false, "set-up not evaluated");
        }

        if (frame.Quality.BodyYawDeg is null)
        {
            return new(false, "view angle not measured");
        }

        if (frame.Quality.ViewWarning)
        {
            return new(false, "not a frontal view");
        }

        return reference.LegScalePx is { } leg && leg < MinLegPx ? new(false, Small(leg)) : Trusted;
    }

    private static string Small(double leg) => F($"the legs are only {leg:0} px tall in the picture (at least {MinLegPx:0} needed)");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
