using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// Prints a reanalysis for a person: what was analysed, one table row per rep with its verdict and the per-side
/// summary (for the lunge test: its attempts and verdicts, as analyze prints them), then the warnings.
/// </summary>
internal static class ReanalyzeTable
{
    public static void Write(SessionAnalysis analysis, string source, TextWriter output)
    {
        var console = TerminalConsole.Over(output);
        var s = analysis.Settings;
        console.MarkupLine(F($"[bold]{Markup.Escape(Path.GetFileName(source))}[/]: {analysis.Frames.Length} frames, {analysis.Summary.DurationSeconds:0.0} s{Fps(analysis.Summary.FrameRateHz)}"));
        console.MarkupLine(F($"Exercise: [bold]{analysis.Exercise.ToTitle()}[/] ({Markup.Escape(analysis.ExerciseReason)})"));
        if (analysis.Ankle is { } ankle)
        {
            // The lunge test has attempts, not reps: the same printer as analyze's.
            console.MarkupLine(F($"Restricted below {s.Ankle.RestrictedBelowDeg:0.#}° tibial inclination; heel lift above {s.Ankle.HeelLiftPercentOfFoot:0.#}% of foot length; front leg {(s.StanceOverride is { } front ? front.ToName() + " (given)" : "detected per attempt")}"));
            console.WriteLine();
            LungeConsole.Write(console, ankle);
        }
        else
        {
            console.MarkupLine(F($"Valgus limit {s.ValgusThresholdDeg:0.#}° held ≥ {s.EventMinDurationSeconds * 1000:0} ms; stance leg {(s.StanceOverride is { } side ? side.ToName() + " (given)" : "detected per rep")}"));
            console.WriteLine();
            WriteReps(console, analysis);
        }

        foreach (var warning in analysis.Warnings)
        {
            console.MarkupLine("[yellow]Warning:[/] " + Markup.Escape(warning));
        }
    }

    private static void WriteReps(IAnsiConsole console, SessionAnalysis analysis)
    {
        if (analysis.Reps.IsEmpty)
        {
            console.MarkupLine("[yellow]No reps found.[/]");
        }
        else
        {
            TableFit.Write(console, RepTable(analysis), keyColumns: 2);
            console.WriteLine();
            foreach (var rep in analysis.Reps)
            {
                console.MarkupLine(F($"[bold]Rep {rep.Index + 1}[/]: {Markup.Escape(rep.Verdict)}"));
            }

            console.WriteLine();
            TableFit.Write(console, SummaryTable(analysis.Summary));
            if (Asymmetry(analysis.Summary) is { } asymmetry)
            {
                console.MarkupLine(Markup.Escape(asymmetry));
            }
        }
    }

    private static Table RepTable(SessionAnalysis analysis)
    {
        var table = new Table().Border(TableBorder.Rounded);
        bool landing = analysis.Exercise == Exercise.DropJump;
        bool bothKnees = analysis.Exercise == Exercise.DoubleLegSquat;
        bool hitch = analysis.Exercise == Exercise.HipHitch;
        table.AddColumn("Rep");
        table.AddColumn("Side");
        table.AddColumn(new TableColumn("Time (s)").RightAligned());
        table.AddColumn(new TableColumn("Depth %").RightAligned());
        if (landing)
        {
            table.AddColumn(new TableColumn("L FPPA @contact").RightAligned());
            table.AddColumn(new TableColumn("R FPPA @contact").RightAligned());
            table.AddColumn(new TableColumn("L FPPA @peak").RightAligned());
            table.AddColumn(new TableColumn("R FPPA @peak").RightAligned());
            table.AddColumn(new TableColumn("Knee/ankle ratio").RightAligned());
        }
        else
        {
            table.AddColumn(new TableColumn("FPPA bottom °").RightAligned());
            table.AddColumn(new TableColumn("Peak FPPA °").RightAligned());
            table.AddColumn(new TableColumn("Valgus shift %").RightAligned());
            table.AddColumn(new TableColumn("Hip shift %").RightAligned());
            table.AddColumn(new TableColumn("Pelvic drop °").RightAligned());
            table.AddColumn(new TableColumn("Trunk lean °").RightAligned());
        }

        if (hitch)
        {
            table.AddColumn(new TableColumn("Pelvis range °").RightAligned());
            table.AddColumn(new TableColumn("Top hold s").RightAligned());
        }

        table.AddColumn(new TableColumn("Events").RightAligned());
        table.AddColumn("Quality");
        double limit = analysis.Settings.ValgusThresholdDeg;
        foreach (var rep in analysis.Reps)
        {
            var cells = new List<IRenderable>
            {
                new Text((rep.Index + 1).ToString(CultureInfo.InvariantCulture)),
                new Text(rep.Side?.ToName() ?? (landing || bothKnees ? "both" : "?")),
                new Text(F($"{rep.StartTimeSeconds:0.00}–{rep.EndTimeSeconds:0.00}")),
                new Text(N(rep.DepthPct)),
            };
            if (rep.Landing is { } l)
            {
                cells.Add(Angle(l.LeftFppaAtContactDeg, limit));
                cells.Add(Angle(l.RightFppaAtContactDeg, limit));
                cells.Add(Angle(l.LeftFppaAtPeakFlexionDeg, limit));
                cells.Add(Angle(l.RightFppaAtPeakFlexionDeg, limit));
                cells.Add(new Text(N(l.SeparationRatioAtPeakFlexion, "0.00")));
            }
            else if (bothKnees && rep.BothKnees is { } b)
            {
                // Both knees in one cell each: "L 12.0 · R 5.0", red where a knee is at or above the limit.
                cells.Add(Pair(b.LeftFppaAtBottomDeg, b.RightFppaAtBottomDeg, limit));
                cells.Add(Pair(b.LeftPeakFppaDeg, b.RightPeakFppaDeg, limit));
                cells.Add(new Text(N(rep.KneeValgusShiftPct)));
                cells.Add(new Text(N(rep.PeakHipShiftPct)));
                cells.Add(new Text(N(rep.PeakPelvicDropDeg)));
                cells.Add(new Text(N(rep.TrunkLeanAtBottomDeg)));
            }
            else
            {
                cells.Add(Angle(rep.FppaAtBottomDeg, limit));
                cells.Add(Angle(rep.PeakFppaDeg, limit));
                cells.Add(new Text(N(rep.KneeValgusShiftPct)));
                cells.Add(new Text(N(rep.PeakHipShiftPct)));
                cells.Add(new Text(N(rep.PeakPelvicDropDeg)));
                cells.Add(new Text(N(rep.TrunkLeanAtBottomDeg)));
            }

            if (hitch)
            {
                cells.Add(new Text(N(rep.HipHitch?.PelvicDropRangeDeg)));
                cells.Add(new Text(N(rep.HipHitch?.TopHoldSeconds)));
            }

            cells.Add(new Text(rep.Events.Length.ToString(CultureInfo.InvariantCulture)));
            cells.Add(rep.Quality.IsTrusted ? new Text("ok") : new Markup("[yellow]" + Markup.Escape(string.Join("; ", rep.Quality.Issues)) + "[/]"));
            table.AddRow(cells);
        }

        return table;
    }

    private static Table SummaryTable(SessionSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Per side");
        table.AddColumn("Side");
        table.AddColumn(new TableColumn("Reps").RightAligned());
        table.AddColumn(new TableColumn("FPPA bottom ° mean ± SD").RightAligned());
        table.AddColumn(new TableColumn("Worst °").RightAligned());
        table.AddColumn(new TableColumn("Peak hip shift % mean ± SD").RightAligned());
        table.AddColumn(new TableColumn("Worst %").RightAligned());
        table.AddColumn(new TableColumn("Events").RightAligned());
        foreach (var side in new[] { summary.Left, summary.Right })
        {
            table.AddRow(
                side.Side.ToName(),
                side.RepCount.ToString(CultureInfo.InvariantCulture),
                MeanSd(side.FppaAtBottom),
                N(side.FppaAtBottom.Worst),
                MeanSd(side.PeakHipShift),
                N(side.PeakHipShift.Worst),
                side.EventCount.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string? Asymmetry(SessionSummary summary)
    {
        var a = summary.Asymmetry;
        if (a.FppaAtBottomDiffDeg is not { } diff)
        {
            return null;
        }

        string worse = a.WorseSide is { } w ? F($"the {w.ToName()} knee caves in more by {Math.Abs(diff):0.0}°") : F($"left and right are within {SessionSummarizer.WorseSideMinDiffDeg:0}°");
        string hip = a.PeakHipShiftDiffPct is { } h ? F($"; peak hip shift right − left {h:+0.0;-0.0;0.0}% of leg length") : string.Empty;
        return F($"Asymmetry: FPPA at the bottom right − left {diff:+0.0;-0.0;0.0}° ({worse}){hip}.");
    }

    private static Markup Pair(double? left, double? right, double limit) => new("L " + Marked(left, limit) + " · R " + Marked(right, limit));

    private static string Marked(double? degrees, double limit) => degrees is { } d && d >= limit ? "[red]" + N(d) + "[/]" : N(degrees);

    private static IRenderable Angle(double? degrees, double limit) => degrees switch
    {
        null => new Markup("[grey]–[/]"),
        { } d when d >= limit => new Markup("[red]" + N(d) + "[/]"),
        { } d => new Text(N(d)),
    };

    private static string MeanSd(MetricStats stats) => stats switch
    {
        { Mean: { } m, StandardDeviation: { } sd } => F($"{m:0.0} ± {sd:0.0}"),
        { Mean: { } m } => F($"{m:0.0}"),
        _ => "–",
    };

    private static string Fps(double? fps) => fps is { } f ? F($", {f:0.#} fps") : string.Empty;

    private static string N(double? value, string format = "0.0") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
