using System.Globalization;
using Spectre.Console;
using ValgusVision.App;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// How analyze and batch talk to the terminal: live progress bars when a person watches (stdout is a terminal and
/// CI is not set), plain lines otherwise, and the per-input result and speed lines in both cases.
/// </summary>
public static class AnalyzeConsole
{
    public static bool Interactive =>
        !Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && AnsiConsole.Profile.Capabilities.Interactive;

    public static string Describe(InputReport report, string outputDirectory)
    {
        var s = report.Source;
        var a = report.Analysis;
        var inv = CultureInfo.InvariantCulture;
        var line = new List<string>
        {
            string.Create(inv, $"{s.Width}×{s.Height}"),
        };
        if (s.FramesPerSecond > 0)
        {
            line.Add(string.Create(inv, $"{s.FramesPerSecond:0.##} fps"));
        }

        line.Add(string.Create(inv, $"{report.FramesAnalysed} frame{(report.FramesAnalysed == 1 ? "" : "s")}"));
        if (s.RotationDegrees != 0)
        {
            line.Add(string.Create(inv, $"rotated {s.RotationDegrees}°"));
        }

        line.Add(a.Exercise.ToTitle());
        if (a.Ankle is { } ankle)
        {
            // Per leg and per attempt below the line, printed as reanalyze prints them.
            line.Add(string.Create(inv, $"{ankle.AllAttempts.Length} attempt{(ankle.AllAttempts.Length == 1 ? "" : "s")}"));
        }
        else
        {
            line.Add(string.Create(inv, $"{a.Summary.RepCount} rep{(a.Summary.RepCount == 1 ? "" : "s")}"));
            foreach (var side in new[] { Side.Left, Side.Right })
            {
                var sum = a.Summary.For(side);
                if (sum.RepCount > 0 && sum.FppaAtBottom.Mean is { } mean)
                {
                    string sd = sum.FppaAtBottom.StandardDeviation is { } d ? string.Create(inv, $" ± {d:0.0}") : "";
                    // A lunge's per-side numbers are the front knee's, over the reps that leg led.
                    string who = a.Exercise == Exercise.ForwardLunge ? side.ToName() + " in front:" : side.ToName();
                    line.Add(string.Create(inv, $"{who} FPPA at bottom {mean:0.0}{sd}°, worst {sum.FppaAtBottom.Worst:0.0}°"));
                }
            }

            if (report.Trust is { IsTrusted: false } trust && a.Reps.Length > 0)
            {
                // The reason beside the number, as in the reports.
                line[^1] += " (accuracy unknown: " + trust.Reason + ")";
            }

            if (a.Exercise == Exercise.DoubleLegSquat && a.Summary.Asymmetry.FppaAtBottomDiffDeg is { } diff)
            {
                line.Add(a.Summary.Asymmetry.WorseSide is { } worse
                    ? string.Create(inv, $"{worse.ToName()} knee {Math.Abs(diff):0.0}° more valgus")
                    : string.Create(inv, $"knees within {SessionSummarizer.WorseSideMinDiffDeg:0}° of each other"));
            }

            line.Add(Events(a.Summary, inv));
        }

        var text = new System.Text.StringBuilder();
        text.Append(report.Input).Append(": ").Append(string.Join(" · ", line));
        if (a.Settings.Exercise == Exercise.Auto && a.ExerciseReason.StartsWith(SessionAnalyzer.DetectedPrefix, StringComparison.Ordinal))
        {
            // Which exercise auto chose and why; an undecided one is among the warnings.
            text.Append("\n  exercise chosen automatically: ").Append(a.ExerciseReason.AsSpan(SessionAnalyzer.DetectedPrefix.Length));
        }

        if (a.Ankle is { } lunge)
        {
            text.Append('\n').Append(TerminalConsole.Text(console => LungeConsole.Write(console, lunge)));
        }

        foreach (var warning in report.Warnings)
        {
            text.Append("\n  warning: ").Append(warning);
        }

        if (report.OutputFiles.Count > 0)
        {
            text.Append("\n  → ").Append(string.Join(", ", report.OutputFiles.Select(Shown)));
        }

        if (report.VideoEncoder is { } encoder && !encoder.StartsWith("H.264", StringComparison.Ordinal))
        {
            text.Append("\n  note: overlay video written as ").Append(encoder);
        }

        return text.ToString();
    }

    /// <summary>
    /// The event count, or why it is unknown: "0 valgus events" must never stand for legs that could not be seen.
    /// </summary>
    private static string Events(SessionSummary summary, CultureInfo inv)
    {
        string count = string.Create(inv, $"{summary.EventCount} valgus event{(summary.EventCount == 1 ? "" : "s")}");
        if (summary.NotMeasured is not { } why)
        {
            return count;
        }

        if (summary.RepCount == 0 || summary.RepsNotMeasured == summary.RepCount)
        {
            return "not measured: " + why.Describe();
        }

        return string.Create(inv, $"{count} in the measured reps ({summary.RepsNotMeasured} of {summary.RepCount} not measured: {why.Describe()})");
    }

    /// <summary>A path relative to the current folder when it lies inside it, else as it is.</summary>
    private static string Shown(string path)
    {
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary>The frames per second achieved; with <paramref name="stageTimes"/> (<c>--verbose</c>) the time per stage, a developer's figure.</summary>
    public static string Speed(IReadOnlyList<InputReport> reports, bool stageTimes)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var inv = CultureInfo.InvariantCulture;
        int frames = reports.Sum(r => r.FramesAnalysed);
        double seconds = reports.Sum(r => r.WallSeconds);
        var text = new System.Text.StringBuilder();
        text.Append(string.Create(inv, $"achieved {(seconds > 0 ? frames / seconds : 0):0.0} fps ({frames} frames in {seconds:0.0} s"));
        if (reports.Count == 1)
        {
            var r = reports[0];
            text.Append(string.Create(inv, $"; pose pass {r.PosePassFramesPerSecond:0.0} fps"));
            if (r.OverlayPassFramesPerSecond is { } o)
            {
                text.Append(string.Create(inv, $", overlay pass {o:0.0} fps"));
            }
        }

        text.Append(')');
        if (!stageTimes)
        {
            return text.ToString();
        }

        var stages = reports.SelectMany(r => r.Stages).GroupBy(s => s.Name).Select(g =>
        {
            int n = g.Sum(s => s.Frames);
            double ms = g.Sum(s => s.TotalMs);
            return string.Create(inv, $"{g.Key} {(n > 0 ? ms / n : 0):0.0}");
        });
        text.Append("\nstage times (ms per frame; analysis and reports: ms per input): ").Append(string.Join(" · ", stages));
        return text.ToString();
    }
}
