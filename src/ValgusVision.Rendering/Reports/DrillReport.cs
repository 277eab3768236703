namespace ValgusVision.Rendering.Reports;

/// <summary>
/// What the knee position-sense drill's own report shows (drill-report.html / .pdf): per leg its trials and its error.
/// Plain numbers, so the live session that ran the drill maps its result into it and Rendering needs no part of it.
/// </summary>
/// <param name="Input">The camera or video the session ran on.</param>
/// <param name="Legs">Left, then right; a leg not drilled has no trials.</param>
public sealed record DrillReport(
    string Input,
    DateTimeOffset CreatedUtc,
    string ToolVersion,
    IReadOnlyList<DrillReportLeg> Legs,
    string? IncompleteReason = null)
{
    public const string Title = "Knee position-sense drill";

    /// <summary>What the drill is, in the client's words (both report formats print it first).</summary>
    public const string Method =
        "With the angle hidden, you squatted on one leg and held still where you felt your knee was straight over your foot. " +
        "The camera then measured the knee's angle at that hold (FPPA, the frontal-plane projection angle): 0° is straight, " +
        "positive is the knee inside the hip–ankle line (valgus), negative outside (varus). The error of a trial is that angle's " +
        "size: the smaller, the better you sense where your knee is.";
}

/// <summary>One leg's drill: its sentence, summary numbers and trials.</summary>
/// <param name="Leg">"Left" or "Right".</param>
/// <param name="Sentence">The result in words (error, lean, trend).</param>
/// <param name="TrendDegPerTrial">Change of the error per trial (negative = improving); null with fewer than two trials.</param>
public sealed record DrillReportLeg(
    string Leg,
    string Sentence,
    double? MeanAbsoluteErrorDeg,
    double? MeanSignedFppaDeg,
    double? TrendDegPerTrial,
    IReadOnlyList<DrillReportTrial> Trials);

/// <summary>One trial: when and how deep the person held, the knee's angle there and its error.</summary>
public sealed record DrillReportTrial(int Number, double HoldStartSeconds, double HoldDepthPct, double FppaDeg, double AbsoluteErrorDeg);
