using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;

namespace ValgusVision.Rendering.Reports;

/// <summary>The lunge test's words and table cells, shared by the HTML and PDF reports.</summary>
public static class AnkleReportText
{
    public static IReadOnlyList<string> Caveats { get; } =
    [
        "The tibial inclination is the angle of the shank's axis from the vertical, in the camera image: the middle line of the shank's outline in the " +
        "person mask, read between mid-shin and just above the ankle (where the far leg hides the back of the shank, the shin's edge turned by the angle it keeps to that middle line). " +
        "An attempt marked \"landmarks\" was measured on the model's knee and ankle points instead, which read a side-view shank up to 5–6° flat.",
        "It needs a side view with the phone on the floor, level: a body turned towards the camera, or a tilted phone the tool could not read from the floor line, is said above.",
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
        attempt.HeelLift ? F($"lifted (heel +{attempt.MaxHeelRisePct:0} %, ankle +{attempt.MaxAnkleRisePct:0} % of foot)") : "down",
        attempt.HeelLift ? "not a range (heel must stay down)"
            : attempt.Problem ?? (attempt.MeasuredOn == ShankLine.Landmarks ? "landmarks: the shank's outline was unclear (less accurate)" : string.Empty),
    ];

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

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
