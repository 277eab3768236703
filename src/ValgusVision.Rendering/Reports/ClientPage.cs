using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// The words of the reports' first page, the one a clinician hands to the client, shared by the HTML and the PDF:
/// who and what (client, date, clinician, test), the warnings, and a card per tested leg only — a leg without reps
/// is named "not tested" in one line instead of a card of dashes.
/// </summary>
public static class ClientPage
{
    public static string Title(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Analysis.Ankle is null ? "Knee valgus report" : "Ankle report";
    }

    /// <summary>
    /// The recording's date under the title, small and grey: "Recorded 2026-11-02" when known (container, live
    /// recorder or the user), else "Recording date unknown" — the report's own date is when it was made, not this.
    /// </summary>
    public static string RecordedLine(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Recorded is { } recorded
            ? "Recorded " + recorded.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : "Recording date unknown";
    }

    /// <summary>The header rows: client and clinician only when given, then date, test and recording.</summary>
    public static IReadOnlyList<(string Label, string Value)> Header(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<(string, string)>();
        if (report.Client is { Length: > 0 } client)
        {
            rows.Add(("Client", client));
        }

        rows.Add(("Report date", report.CreatedUtc.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture)));
        if (report.Clinician is { Length: > 0 } clinician)
        {
            rows.Add(("Clinician", clinician));
        }

        rows.Add(("Test", Test(report.Analysis)));
        rows.Add(("Recording", F($"{report.Input.FileName} ({report.Input.DurationSeconds:0.0} s)")));
        return rows;
    }

    /// <summary>The exercise in words, with the legs it tested: "Single-leg squat on the left leg".</summary>
    public static string Test(SessionAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        string exercise = analysis.Exercise.ToTitle();
        exercise = char.ToUpperInvariant(exercise[0]) + exercise[1..];
        if (analysis.Ankle is not null || analysis.Exercise is Exercise.DoubleLegSquat or Exercise.DropJump or Exercise.ForwardLunge)
        {
            return exercise;
        }

        var tested = TestedSides(analysis.Summary);
        return tested.Count switch
        {
            1 => F($"{exercise} on the {tested[0].Side.ToName()} leg"),
            2 => F($"{exercise} on each leg"),
            _ => exercise,
        };
    }

    /// <summary>The legs with at least one rep, left first: the only ones that get a card.</summary>
    public static IReadOnlyList<SideSummary> TestedSides(SessionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new[] { summary.Left, summary.Right }.Where(s => s.RepCount > 0).ToList();
    }

    /// <summary>"Right leg: not tested (no reps on it)." when one leg was tested and the other not; null otherwise.</summary>
    public static string? Untested(SessionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var tested = TestedSides(summary);
        return tested.Count == 1 ? F($"{tested[0].Side.Opposite().ToTitle()} leg: not tested (no reps on it).") : null;
    }

    /// <summary>The line above the cards: reps, duration, events against the limit.</summary>
    public static string Overview(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Analysis.Summary;
        var settings = report.Analysis.Settings;
        if (summary.RepCount == 0)
        {
            return F($"No reps were found in {summary.DurationSeconds:0.0} s of recording.");
        }

        string reps = summary.RepCount == 1 ? "1 rep" : F($"{summary.RepCount} reps");
        if (!report.EffectiveTrust.IsTrusted)
        {
            // A count of events is a judgement against the limit, which an angle of unknown accuracy does not get.
            return F($"{reps} analysed over {summary.DurationSeconds:0.0} s; valgus events are not counted because the accuracy is unknown.");
        }

        string events = summary.EventCount == 1 ? "1 valgus event" : F($"{summary.EventCount} valgus events");
        return F($"{reps} analysed over {summary.DurationSeconds:0.0} s; {events} (knee angle at or above {ReportText.Limit(settings)} for at least {settings.EventMinDurationSeconds * 1000:0} ms).");
    }

    /// <summary>A card's small print: "3 reps · SD 0.1° · worst 14.6° · 3 reps over the limit · hip shift 2.1 %".</summary>
    public static string SideStats(SideSummary side, bool trusted = true)
    {
        ArgumentNullException.ThrowIfNull(side);
        string reps = side.RepCount == 1 ? "1 rep" : F($"{side.RepCount} reps");
        string sd = side.FppaAtBottom.StandardDeviation is { } v ? " · SD " + ReportText.Deg(v) : string.Empty;
        // An untrusted angle is not compared with the limit, so no count of reps over it stands beside it.
        string over = trusted ? F($" · {side.RepsWithEvents} over the limit") : string.Empty;
        return F($"{reps}{sd} · worst {ReportText.Deg(side.FppaAtBottom.Worst)}{over} · hip shift {ReportText.Pct(side.PeakHipShift.Mean)}");
    }

    /// <summary>"Right minus left: knee angle +2.0°, …" when both legs were measured; null otherwise.</summary>
    public static string? Asymmetry(SessionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var asym = summary.Asymmetry;
        if (asym.FppaAtBottomDiffDeg is not { } diff)
        {
            return null;
        }

        var worse = asym.WorseSide is { } w ? $" The {w.ToName()} knee caves in more." : " The two sides are alike.";
        return F($"Right minus left: knee angle {ReportText.Shown(diff):+0.0;-0.0;0.0}°, hip shift {ReportText.Number(asym.PeakHipShiftDiffPct, "+0.0;-0.0;0.0")} % of leg length.{worse}");
    }

    /// <summary>
    /// The recording's problems for the top of the page: the pipeline's and the analysis' warnings, then the reps'
    /// issues, each once with the reps it concerns ("Reps 1, 2 and 3: the body was turned …").
    /// </summary>
    public static IReadOnlyList<string> Warnings(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var warnings = new List<string>(report.AllWarnings.IsDefault ? [] : report.AllWarnings);
        var repsOfIssue = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var rep in report.Analysis.Reps)
        {
            foreach (var issue in rep.Quality.Issues.IsDefault ? [] : rep.Quality.Issues)
            {
                if (!repsOfIssue.TryGetValue(issue, out var reps))
                {
                    repsOfIssue[issue] = reps = [];
                    order.Add(issue);
                }

                reps.Add(rep.Index + 1);
            }
        }

        foreach (var issue in order)
        {
            var reps = repsOfIssue[issue];
            string which = reps.Count == 1
                ? F($"Rep {reps[0]}")
                : "Reps " + string.Join(", ", reps.Take(reps.Count - 1)) + F($" and {reps[^1]}");
            warnings.Add(F($"{which}: {issue}."));
        }

        return warnings;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
