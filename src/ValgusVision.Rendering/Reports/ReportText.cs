using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Reports;

/// <summary>The words and number formats the HTML and PDF reports share, so both say exactly the same.</summary>
public static class ReportText
{
    public const string Undefined = "—";

    /// <summary>The method's limits, for every report (docs/metrics.md: the model's points approximate clinical landmarks).</summary>
    public static IReadOnlyList<string> ClinicalCaveats { get; } =
    [
        "The hip, knee and ankle points come from a pose-estimation model (MediaPipe BlazePose). They approximate, but are not, " +
        "the clinical landmarks: the hip joint centre (estimated from the ASIS), the middle of the femoral condyles and the middle of the malleoli.",
        "The knee angle is the frontal-plane projection angle (FPPA): a 2D angle in the camera image. It is only meaningful with the camera " +
        "level, at about hip height, straight in front of the person; a body turned more than about 15° from the camera makes it misleading.",
        "Markerless pose models tend to pull a caved-in knee towards neutral, so the tool may under-estimate large valgus angles.",
        "Numbers marked \"—\" could not be measured (a joint hidden or unclear, or a limb pointing at the camera); they were not guessed.",
        "This report supports, and does not replace, a clinician's examination.",
    ];

    /// <summary>
    /// The reports' one rounding rule: a tenth, half away from zero, and never −0. Every angle and percentage the
    /// client page prints is this value, and every word that judges one ("caved in", "well aligned", a badge, a
    /// colour) judges this value, so a sentence can never contradict the number printed beside it.
    /// </summary>
    public static double Shown(double value)
    {
        double r = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return r == 0 ? 0 : r;
    }

    /// <summary>The colour band of an FPPA as printed (<see cref="Shown"/>): what cards, cells and verdict words follow.</summary>
    public static FppaBand Band(double? fppaDeg, AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return FppaBands.ForThreshold(settings.ValgusThresholdDeg).Classify(fppaDeg is { } v && double.IsFinite(v) ? Shown(v) : null);
    }

    public static string Deg(double? value) => value is { } v && double.IsFinite(v) ? F($"{Shown(v):0.0}°") : Undefined;

    public static string Pct(double? value) => value is { } v && double.IsFinite(v) ? F($"{Shown(v):0.0} %") : Undefined;

    /// <summary>The valgus limit as the reports write it ("10°", "8.5°").</summary>
    public static string Limit(AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return F($"{settings.ValgusThresholdDeg:0.#}°");
    }

    public static string Seconds(double? value) => value is { } v && double.IsFinite(v) ? F($"{v:0.00} s") : Undefined;

    public static string Number(double? value, string format = "0.0") =>
        value is { } v && double.IsFinite(v) ? NoNegativeZero(v, Decimals(format)).ToString(format, CultureInfo.InvariantCulture) : Undefined;

    // −0.04 printed with one decimal reads "-0.0": a client sees a sign on nothing. Values that round to zero print as 0.
    private static int Decimals(string format)
    {
        string first = format.Split(';')[0];
        int dot = first.IndexOf('.');
        return dot < 0 ? 0 : first.Length - dot - 1;
    }

    private static double NoNegativeZero(double value, int decimals) =>
        Math.Round(value, Math.Clamp(decimals, 0, 15), MidpointRounding.AwayFromZero) == 0 ? 0 : value;

    /// <summary>"12.3° ± 2.1°" or "12.3°" with one value.</summary>
    public static string MeanSd(MetricStats stats, string unit) =>
        stats.Mean is not { } mean ? Undefined
        : stats.StandardDeviation is { } sd ? F($"{Shown(mean):0.0}{unit} ± {Shown(sd):0.0}{unit}")
        : F($"{Shown(mean):0.0}{unit}");

    /// <summary>What could not be measured, beside the event count ("2 of 3 reps not measured: …"); null when all was.</summary>
    public static string? NotMeasured(SessionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.NotMeasured is not { } why)
        {
            return null;
        }

        return summary.RepCount == 0
            ? "Not measured: " + why.Describe() + ". No valgus event could be seen, which does not mean there was none."
            : F($"{summary.RepsNotMeasured} of {summary.RepCount} reps not measured: {why.Describe()}. The event count covers only the measured part.");
    }

    /// <summary>A sentence or two about one leg for the summary, against the user's limit.</summary>
    /// <param name="trusted">False when the accuracy is unknown (<see cref="MeasurementTrust"/>): the numbers are given
    /// but not compared with the limit, so the sentence cannot contradict the grey "not compared" note beside it.</param>
    public static string SideVerdict(SideSummary side, AnalysisSettings settings, bool trusted = true)
    {
        ArgumentNullException.ThrowIfNull(side);
        ArgumentNullException.ThrowIfNull(settings);
        var leg = side.Side == Side.Left ? "left" : "right";
        if (side.RepCount == 0)
        {
            return F($"No reps on the {leg} leg.");
        }

        var limit = Limit(settings);
        var reps = side.RepCount == 1 ? "1 rep" : F($"{side.RepCount} reps");
        if (side.FppaAtBottom.Mean is not { } mean)
        {
            return F($"{Title(leg)} leg, {reps}: the knee angle could not be measured at the bottom of any rep.");
        }

        var hipShift = side.PeakHipShift.Mean is { } shift ? F($" The hip shifted out {Pct(shift)} of leg length on average.") : string.Empty;
        if (!trusted)
        {
            return F($"{Title(leg)} leg, {reps}: knee angle at the bottom {MeanSd(side.FppaAtBottom, "°")} (worst {Deg(side.FppaAtBottom.Worst)}), not compared with your {limit} limit because the accuracy is unknown.{hipShift}");
        }

        var judgement = Band(mean, settings) switch
        {
            FppaBand.Valgus => F($"on average above your {limit} limit: the knee caves in noticeably"),
            FppaBand.Elevated => F($"within your {limit} limit, with some inward movement of the knee"),
            _ => "the knee stayed well aligned over the foot",
        };
        var events = side.RepsWithEvents == 0
            ? "No rep crossed the limit."
            : F($"{side.RepsWithEvents} of {side.RepCount} reps crossed the limit.");
        return F($"{Title(leg)} leg, {reps}: knee angle at the bottom {MeanSd(side.FppaAtBottom, "°")} (worst {Deg(side.FppaAtBottom.Worst)}), {judgement}. {events}{hipShift}");
    }

    /// <summary>Short verdict word for a side's badge: "Above limit", "Within limit", "Aligned", "No reps".</summary>
    public static string SideBadge(SideSummary side, AnalysisSettings settings, bool trusted = true)
    {
        ArgumentNullException.ThrowIfNull(side);
        ArgumentNullException.ThrowIfNull(settings);
        if (side.RepCount == 0)
        {
            return "No reps";
        }

        if (!trusted && side.FppaAtBottom.Mean is not null)
        {
            return "Not compared";
        }

        return Band(side.FppaAtBottom.Mean, settings) switch
        {
            FppaBand.Undefined => "Not measurable",
            FppaBand.Valgus => "Above limit",
            FppaBand.Elevated => "Within limit",
            _ => "Aligned",
        };
    }

    private static string Title(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
