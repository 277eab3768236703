using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Reports;

/// <summary>The lunge test's words and table cells, shared by the HTML and PDF reports.</summary>
public static class AnkleReportText
{
    public static IReadOnlyList<string> Caveats { get; } =
    [
        "The tibial inclination is the angle of the shank's axis from the vertical, in the camera image: the middle line of the shank's outline in the " +
        "person mask, read between mid-shin and just above the ankle (where the far leg hides the back of the shank, the shin's edge turned by the angle it keeps to that middle line). " +
        "An attempt marked \"landmarks\" was measured on the model's knee and ankle points instead, which read a side-view shank up to 5–6° flat.",
        "It needs a side view with the phone on the floor, level, and the shin bare or in shorts (loose trousers hang straight down and hide the shin's line): a body turned towards the camera, or a tilted phone the tool could not read from the floor line, is said above.",
        "On our rendered test clips the tool read the shank within 0.6° (30° clip) and 1.5–2.4° (42° clip, filmed from below) of the truth: treat a result within 2–3° of the 35° cut-off as borderline.",
        "Heel lift is found when both the heel and the ankle rise clearly (about 2.5 cm or more on an adult foot); a smaller lift may go unnoticed, so watch the heel yourself.",
        "The toe-to-wall distance is approximate (3.6° per cm, Bennell et al. 1998); the real relation depends on the length of the shin.",
        "This report supports, and does not replace, a clinician's examination.",
    ];

    public static IReadOnlyList<string> AttemptHeaders { get; } = ["Leg", "Attempt", "Peak at", "Tibial angle", "Heel", "Note"];

    public static IReadOnlyList<string> AttemptCells(LungeAttempt attempt, AnkleSideResult side) =>
    [
        attempt.Side.ToTitle(),
        attempt.Number.ToString(CultureInfo.InvariantCulture) + (attempt.Number == side.BestAttemptNumber ? " (best)" : string.Empty),
        F($"{attempt.PeakTimeSeconds:0.0} s"),
        attempt.HeelLift ? "heel lift" : ReportText.Deg(attempt.InclinationDeg),
        attempt.HeelLift ? F($"lifted (heel +{attempt.MaxHeelRisePct:0} %, ankle +{attempt.MaxAnkleRisePct:0} % of foot length)") : "down",
        attempt.HeelLift ? "not counted: the heel must stay down"
            : attempt.Problem ?? (attempt.MeasuredOn == ShankLine.Landmarks ? "landmarks: the shank's outline was unclear (less accurate)" : string.Empty),
    ];

    /// <summary>
    /// The card's line under the best angle: which attempt it came from, the attempts not counted, and where it stands
    /// against the cut-off; for a side without a measured attempt, why.
    /// </summary>
    public static string Detail(AnkleSideResult side, AnkleLungeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(side);
        ArgumentNullException.ThrowIfNull(settings);
        if (side.BestInclinationDeg is null || side.BestAttemptNumber is not { } best)
        {
            return side.Sentence;
        }

        string lifts = side.HeelLiftAttempts switch
        {
            0 => string.Empty,
            1 => "; 1 attempt with heel lift, not counted",
            int n => F($"; {n} attempts with heel lift, not counted"),
        };
        string against = side.Verdict == AnkleVerdict.Restricted
            ? F($"Below the {settings.RestrictedBelowDeg:0}° cut-off")
            : F($"At or above the {settings.RestrictedBelowDeg:0}° cut-off");
        return F($"From attempt {best} of {side.Attempts.Length}{lifts}. {against}.");
    }

    /// <summary>The card of a leg the recording did not test, when the other leg was: what to do to compare sides.</summary>
    public static string NotTested(Side side, AnkleLungeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return F($"No attempt with the {side.ToName()} leg in front in this recording, so there is no left–right difference. Film the {side.ToName()} leg too: a difference of {settings.AsymmetryDeg:0.0}° ({Approx(settings.AsymmetryDeg / settings.DegreesPerCentimetre)}) or more often tells more than the cut-off.");
    }

    public const string NotTestedBadge = "not tested";

    /// <summary>The cut-offs with their toe-to-wall equivalents and sources, under the cards.</summary>
    public static string CutOffs(AnkleLungeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return F($"Cut-offs: below {settings.RestrictedBelowDeg:0}° ({Approx(settings.RestrictedBelowDeg / settings.DegreesPerCentimetre)} toe-to-wall) is restricted; a left–right difference of {settings.AsymmetryDeg:0.0}° ({Approx(settings.AsymmetryDeg / settings.DegreesPerCentimetre)}) or more is beyond the between-limb measurement error. Sources: {settings.Sources}.");
    }

    /// <summary>The shank chart's legend in words.</summary>
    public static string ChartCaption(AnkleLungeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return F($"The front leg's shank angle from the vertical, in degrees (knee forward positive). Grey bands: attempts, named by leg and number (L1 = left leg, attempt 1; R1 = right leg, attempt 1), with a dotted line at the frame each is read at. Amber: heel lifted. Dashed red line: the {settings.RestrictedBelowDeg:0}° cut-off. Gaps: not measurable.");
    }

    /// <summary>The side's headline: its best angle, or why there is none.</summary>
    public static string Best(AnkleSideResult side) =>
        side.BestInclinationDeg is { } deg ? ReportText.Deg(deg) : ReportText.Undefined;

    public static string Badge(AnkleSideResult side) => side.Verdict switch
    {
        AnkleVerdict.Restricted => "restricted",
        AnkleVerdict.WithinNormal => "within normal",
        _ => "not measured",
    };

    public static string ToeToWall(AnkleSideResult side) =>
        side.ToeToWallApproxCm is { } cm ? F($"≈ {cm:0.0} cm toe-to-wall (approximate)") : string.Empty;

    /// <summary>"≈ 9.7 cm" with no-break spaces, so a wrapped line never strands the "≈" or the unit.</summary>
    private static string Approx(double centimetres) => F($"≈\u00A0{centimetres:0.0}\u00A0cm");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
