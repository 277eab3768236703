using System.Globalization;
using System.Reflection;
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

    /// <summary>Every analysis setting and processing setting, as "name: value" (the same set report.json has).</summary>
    public static IReadOnlyList<(string Label, string Value)> Settings(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var facts = new List<(string, string)>();
        foreach (var property in typeof(AnalysisSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetValue(report.Analysis.Settings) is Domain.Ankle.AnkleLungeSettings ankle)
            {
                // Printed only where they shaped the numbers, one line each.
                if (report.Analysis.Exercise == Exercise.AnkleLunge)
                {
                    foreach (var inner in typeof(Domain.Ankle.AnkleLungeSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    {
                        facts.Add(("Ankle." + inner.Name, inner.GetValue(ankle) is double v
                            ? v.ToString("0.###", CultureInfo.InvariantCulture)
                            : Convert.ToString(inner.GetValue(ankle), CultureInfo.InvariantCulture) ?? "—"));
                    }
                }

                continue;
            }

            var value = property.GetValue(report.Analysis.Settings) switch
            {
                null => "—",
                Exercise e => e.ToName(),
                Side s => s.ToName(),
                double d => d.ToString("0.###", CultureInfo.InvariantCulture),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "—",
            };
            facts.Add((property.Name, value));
        }

        foreach (var (key, value) in report.ProcessingSettings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            facts.Add((key, value));
        }

        return facts;
    }
}
