using System.Globalization;
using System.Text;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// The sentence under each row of the reports' reps table. It is written here, from the numbers the row prints
/// (<see cref="ReportText.Deg"/>, one rounding rule) and judged by the same bands as the leg's card and the cell
/// colours (<see cref="ReportText.Band"/>), so "stayed well aligned (3.0°)" never sits beside "caved in 3°, within
/// your limit", nor "caved in 15°" beside 14.6°. The rep's own <see cref="Rep.Verdict"/> stays in reps.csv and report.json.
/// </summary>
public static class RepWords
{
    /// <param name="trusted">False when the accuracy is unknown: the angles are given, never compared with the limit.</param>
    public static string Verdict(Rep rep, AnalysisSettings settings, bool trusted = true)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(settings);
        if (rep.NotMeasured is { } reason)
        {
            return "Not measured: " + reason.Describe() + ".";
        }

        var text = new StringBuilder();
        if (rep.Exercise == Exercise.DropJump && rep.Landing is { } landing)
        {
            text.Append("Landing, at the deepest point: left knee ").Append(Knee(landing.LeftFppaAtPeakFlexionDeg, settings, trusted))
                .Append("; right knee ").Append(Knee(landing.RightFppaAtPeakFlexionDeg, settings, trusted))
                .Append(landing.SeparationRatioAtPeakFlexion is { } q
                    ? F($". The knees were {q:0.00}× as far apart as the ankles{(q < 1 ? " (closer together than the feet)" : string.Empty)}.")
                    : ".");
        }
        else if (rep.Exercise == Exercise.DoubleLegSquat && rep.BothKnees is { } knees)
        {
            text.Append("At the bottom: left knee ").Append(Knee(knees.LeftFppaAtBottomDeg, settings, trusted))
                .Append("; right knee ").Append(Knee(knees.RightFppaAtBottomDeg, settings, trusted)).Append('.');
            if (knees.LeftFppaAtBottomDeg is { } l && knees.RightFppaAtBottomDeg is { } r
                && Math.Abs(ReportText.Shown(l) - ReportText.Shown(r)) >= BothKneesVerdict.NamedDifferenceDeg)
            {
                // The same rule as the session's worse side: a difference this large names the knee.
                text.Append(l > r ? " The left knee caved in more than the right." : " The right knee caved in more than the left.");
            }
        }
        else if (rep.Exercise == Exercise.ForwardLunge)
        {
            text.Append(rep.Side is { } lead
                ? F($"{lead.ToTitle()} leg in front; the front knee at the bottom: {Knee(rep.FppaAtBottomDeg, settings, trusted)}{Peak(rep, settings, trusted)}.")
                : "Which leg was in front could not be told, so the front knee was not measured.");
        }
        else
        {
            string where = rep.Exercise switch
            {
                Exercise.Hinge => "at the deepest hinge",
                Exercise.HipHitch => "at the top",
                _ => "at the bottom",
            };
            string knee = rep.Side is { } side ? side.ToTitle() + " knee" : "The knee";
            text.Append(F($"{knee} {where}: {Knee(rep.FppaAtBottomDeg, settings, trusted)}{Peak(rep, settings, trusted)}."));
            text.Append(rep.PeakHipShiftPct switch
            {
                null => " The hip shift could not be measured.",
                var h when ReportText.Shown(h.Value) > 0 => F($" The hip shifted out up to {ReportText.Pct(h)} of leg length."),
                _ => " The hip stayed over the foot.",
            });
            if (rep.HipHitch is { } hitch)
            {
                text.Append(F($" The pelvis moved through {ReportText.Deg(hitch.PelvicDropRangeDeg)} and the top was held for {hitch.TopHoldSeconds:0.0} s."));
            }
        }

        if (!rep.Quality.IsTrusted && !rep.Quality.Issues.IsDefaultOrEmpty)
        {
            text.Append(F($" Treat with caution: {rep.Quality.Issues[0]}."));
        }

        return text.ToString();
    }

    /// <summary>One knee's angle in words and number: "caved in 14.6° — above your 10° limit".</summary>
    public static string Knee(double? fppaDeg, AnalysisSettings settings, bool trusted = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (fppaDeg is not { } v || !double.IsFinite(v))
        {
            return "could not be measured";
        }

        string limit = ReportText.Limit(settings);
        if (!trusted)
        {
            return F($"{ReportText.Deg(v)} (not compared with your {limit} limit: accuracy unknown)");
        }

        return ReportText.Band(v, settings) switch
        {
            FppaBand.Valgus => F($"caved in {ReportText.Deg(v)} — above your {limit} limit"),
            FppaBand.Elevated => F($"caved in {ReportText.Deg(v)} — within your {limit} limit"),
            _ => F($"stayed well aligned over the foot ({ReportText.Deg(v)})"),
        };
    }

    /// <summary>", but peaked at 12.0° on the way" when the bottom was within the limit and the rep's peak was not.</summary>
    private static string Peak(Rep rep, AnalysisSettings settings, bool trusted) =>
        trusted && rep.PeakFppaDeg is { } peak && ReportText.Band(peak, settings) == FppaBand.Valgus
            && ReportText.Band(rep.FppaAtBottomDeg, settings) is FppaBand.Normal or FppaBand.Elevated
            ? F($", but peaked at {ReportText.Deg(peak)} on the way")
            : string.Empty;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
