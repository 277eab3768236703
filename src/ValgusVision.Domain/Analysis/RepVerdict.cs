using System.Globalization;
using System.Text;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Writes a rep's plain-language verdict for a client: the knee angle against their limit, the hip shift, what an
/// exercise adds (hold time, both knees) and, when the numbers are shaky, why.
/// </summary>
public static class RepVerdict
{
    /// <summary>The verdict sentence(s) for a rep whose numbers are all filled in (its own verdict is ignored).</summary>
    public static string Write(Rep rep, AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(settings);
        if (rep.NotMeasured is { } reason)
        {
            return "Not measured: " + reason.Describe() + ".";
        }

        var text = new StringBuilder();
        double limit = settings.ValgusThresholdDeg;
        if (rep.Exercise == Exercise.DropJump && rep.Landing is { } landing)
        {
            text.Append(Landing(landing, limit));
        }
        else if (rep.Exercise == Exercise.DoubleLegSquat && rep.BothKnees is { } knees)
        {
            text.Append(BothKneesVerdict.Squat(knees, limit));
        }
        else if (rep.Exercise == Exercise.ForwardLunge)
        {
            text.Append(BothKneesVerdict.Lunge(rep.Side, rep.FppaAtBottomDeg, rep.PeakFppaDeg, limit));
        }
        else
        {
            string where = rep.Exercise switch
            {
                Exercise.Hinge => "at the deepest hinge",
                Exercise.HipHitch => "at the top",
                _ => "at the bottom",
            };
            text.Append(Knee(rep.Side, rep.FppaAtBottomDeg, rep.PeakFppaDeg, limit, where));
            text.Append(Hip(rep.PeakHipShiftPct, rep.FppaAtBottomDeg is not null));
            if (rep.HipHitch is { } hitch)
            {
                text.Append(F($" Your pelvis moved through {Round(hitch.PelvicDropRangeDeg)}° and you held the top for {hitch.TopHoldSeconds:0.0} s."));
            }
        }

        if (!rep.Quality.IsTrusted)
        {
            text.Append(F($" Treat with caution: {rep.Quality.Issues[0]}."));
        }

        return text.ToString();
    }

    private static string Knee(Side? side, double? bottom, double? peak, double limit, string where)
    {
        string knee = side is { } s ? $"{s.ToTitle()} knee" : "The knee";
        if (bottom is not { } b)
        {
            return peak is { } p
                ? F($"{knee} angle could not be measured {where} (peak {Round(p)}° elsewhere in the rep)")
                : F($"{knee} angle could not be measured {where}");
        }

        string sentence = b >= limit
            ? F($"{knee} caved in {Round(b)}° {where} — above your {Round(limit)}° limit —")
            : Math.Abs(b) < 0.5
                ? F($"{knee} stayed straight (0°) {where} — within your {Round(limit)}° limit —")
            : b >= 0
                ? F($"{knee} caved in {Round(b)}° {where} — within your {Round(limit)}° limit —")
                : F($"{knee} bowed out {Round(-b)}° {where} (no valgus),");
        if (peak is { } pk && pk >= limit && b < limit)
        {
            sentence = sentence.TrimEnd('—', ' ', ',') + F($" but peaked at {Round(pk)}° on the way —");
        }

        return sentence;
    }

    private static string Hip(double? shiftPct, bool afterKnee)
    {
        string lead = afterKnee ? " and your hip" : ", and your hip";
        if (shiftPct is not { } h)
        {
            return afterKnee ? " and your hip shift could not be measured." : "; your hip shift could not be measured.";
        }

        return h >= 0.5
            ? F($"{lead} shifted out {Round(h)}% of leg length.")
            : F($"{lead} stayed over your foot.");
    }

    private static string Landing(DropLandingMeasures landing, double limit)
    {
        string left = landing.LeftFppaAtPeakFlexionDeg is { } l ? F($"left knee {Round(l)}°") : "left knee not measurable";
        string right = landing.RightFppaAtPeakFlexionDeg is { } r ? F($"right knee {Round(r)}°") : "right knee not measurable";
        var over = new List<string>(2);
        if (landing.LeftFppaAtPeakFlexionDeg >= limit)
        {
            over.Add("left");
        }

        if (landing.RightFppaAtPeakFlexionDeg >= limit)
        {
            over.Add("right");
        }

        string verdict = over.Count == 0
            ? F($"both within your {Round(limit)}° limit")
            : F($"{string.Join(" and ", over)} above your {Round(limit)}° limit");
        string ratio = landing.SeparationRatioAtPeakFlexion is { } q
            ? F($"; your knees were {q:0.00}× as far apart as your ankles{(q < 1 ? " (knees closer together than the feet)" : string.Empty)}.")
            : ".";
        return F($"Landing: {left} and {right} at the deepest point — {verdict}{ratio}");
    }

    private static string Round(double? value) => value is { } v ? Math.Round(v, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) : "?";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
