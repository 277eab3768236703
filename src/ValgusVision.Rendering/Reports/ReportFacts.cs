using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Reports;

/// <summary>Label–value pairs for the reports' "about this recording" and "settings" tables.</summary>
public static class ReportFacts
{
    public static IReadOnlyList<(string Label, string Value)> Recording(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var input = report.Input;
        var rate = input.FrameRateHz is { } fps ? string.Create(CultureInfo.InvariantCulture, $"{fps:0.##} fps{(input.VariableFrameRate ? " (variable)" : string.Empty)}") : "still image";
        return
        [
            ("File", input.FileName),
            ("Resolution", string.Create(CultureInfo.InvariantCulture, $"{input.Width} × {input.Height} px{(input.RotationDegrees != 0 ? $" (rotated {input.RotationDegrees}°)" : string.Empty)}")),
            ("Frame rate", rate),
            ("Frames", string.Create(CultureInfo.InvariantCulture, $"{input.FrameCount} ({input.DurationSeconds:0.0} s)")),
            ("Exercise", report.Analysis.Exercise.ToTitle() + " — " + report.Analysis.ExerciseReason),
            ("Pose model", "MediaPipe BlazePose " + report.ModelName),
            Limit(report.Analysis),
            // The FPPA accuracy means nothing for the lunge test; its own limits are in its caveats.
            ("Expected accuracy", report.Analysis.Exercise == Exercise.AnkleLunge
                ? "tibial angle: measured on two rendered clips only (see “How to read these numbers”)"
                : report.FppaAccuracy ?? "not yet evaluated for this set-up"),
            ("Made by", $"ValgusVision {report.ToolVersion}, {report.CreatedUtc.ToUniversalTime():yyyy-MM-dd HH:mm} UTC"),
        ];
    }

    /// <summary>The limit the verdicts were judged against: the lunge test's cut-off, or the valgus limit.</summary>
    private static (string Label, string Value) Limit(SessionAnalysis analysis)
    {
        var s = analysis.Settings;
        return analysis.Exercise == Exercise.AnkleLunge
            ? ("Lunge cut-off", string.Create(CultureInfo.InvariantCulture, $"below {s.Ankle.RestrictedBelowDeg:0.#}° tibial inclination is restricted; heel lift above {s.Ankle.HeelLiftPercentOfFoot:0.#} % of foot length"))
            : ("Valgus limit", string.Create(CultureInfo.InvariantCulture, $"{s.ValgusThresholdDeg:0.#}° FPPA for at least {s.EventMinDurationSeconds * 1000:0} ms"));
    }

    /// <summary>
    /// The settings that shaped the numbers, by the option names a user types (<c>--threshold 10</c>): the analysis'
    /// own from <see cref="AnalysisSettings"/>, then the session's (<see cref="AnalysisReport.AppendixSettings"/>: the
    /// pose options, frame times, a live session's mode). Internal constants (gates, rep thresholds) stay out: they
    /// are no option and the same in every report; report.json lists every one.
    /// </summary>
    public static IReadOnlyList<(string Label, string Value)> Settings(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Analysis.Settings;
        var c = CultureInfo.InvariantCulture;
        var facts = new List<(string, string)>
        {
            ("--exercise", s.Exercise == Exercise.Auto ? "auto (chose " + OptionValue(report.Analysis.Exercise) + ")" : OptionValue(s.Exercise)),
        };
        if (report.Analysis.Ankle is null)
        {
            // The lunge test has no stance leg and no valgus limit; its cut-off is in "About this recording".
            facts.Add(("--side", s.StanceOverride?.ToName() ?? "auto"));
            facts.Add(("--threshold", s.ValgusThresholdDeg.ToString("0.###", c)));
        }

        if (s.HeightCm is { } height)
        {
            facts.Add(("--height-cm", height.ToString("0.#", c)));
        }

        foreach (var (name, value) in report.AppendixSettings.IsDefault ? [] : report.AppendixSettings)
        {
            facts.Add((name, value));
        }

        return facts;
    }

    /// <summary>The exercise as <c>--exercise</c> spells it (report.json keeps the older "squat" and "hitch").</summary>
    private static string OptionValue(Exercise exercise) => exercise switch
    {
        Exercise.SingleLegSquat => "single-leg-squat",
        Exercise.HipHitch => "hip-hitch",
        _ => exercise.ToName(),
    };
}
