using System.Globalization;
using Spectre.Console;
using ValgusVision.Domain.Compare;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Reports;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// The console tables of <c>compare</c> and <c>progress</c>: the same numbers and words as their HTML, an untrusted
/// leg in grey with its reason (never coloured against the limit).
/// </summary>
internal static class CompareConsole
{
    public static void Write(LeftRightComparison comparison, TextWriter output)
    {
        var console = TerminalConsole.Over(output);
        var (l, r) = (comparison.Left, comparison.Right);
        console.MarkupLine(F($"[bold]Left vs right[/] — {Markup.Escape(CompareText.ExerciseTitle(comparison.Exercise))}{(comparison.Client is { } c ? " — " + Markup.Escape(c) : string.Empty)}"));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(string.Empty);
        table.AddColumn(new TableColumn("Left").RightAligned());
        table.AddColumn(new TableColumn("Right").RightAligned());
        table.AddColumn(new TableColumn("Right − left").RightAligned());
        table.AddRow(Cell("Knee angle at bottom"), Leg(l, CompareText.MeanSd(l)), Leg(r, CompareText.MeanSd(r)), Cell(Signed(comparison, comparison.FppaDiffDeg, "°")));
        table.AddRow(Cell("Worst"), Leg(l, ReportText.Deg(l.Measures.FppaAtBottom.Worst)), Leg(r, ReportText.Deg(r.Measures.FppaAtBottom.Worst)), Cell(string.Empty));
        table.AddRow(Cell("Hip shift"), Leg(l, ReportText.Pct(l.Measures.PeakHipShift.Mean)), Leg(r, ReportText.Pct(r.Measures.PeakHipShift.Mean)), Cell(Signed(comparison, comparison.HipShiftDiffPct, " %")));
        table.AddRow(Cell("Reps (over limit)"), Leg(l, F($"{l.Measures.RepCount} ({l.Measures.RepsWithEvents})")), Leg(r, F($"{r.Measures.RepCount} ({r.Measures.RepsWithEvents})")), Cell(string.Empty));
        table.AddRow(Cell("Valgus events"), Leg(l, F($"{l.Measures.EventCount}")), Leg(r, F($"{r.Measures.EventCount}")), Cell(string.Empty));
        table.AddRow(Cell("Verdict"), Leg(l, CompareText.Badge(l)), Leg(r, CompareText.Badge(r)), Cell(string.Empty));
        table.AddRow(Cell("Recording"), Cell(l.Session.FileName), Cell(r.Session.FileName), Cell(string.Empty));
        console.Write(table);
        foreach (var leg in new[] { l, r })
        {
            if (!leg.Trust.IsTrusted)
            {
                console.MarkupLine(F($"[grey]{leg.Side} leg: accuracy unknown — {Markup.Escape(leg.Trust.Reason ?? string.Empty)}[/]"));
            }
        }

        console.MarkupLine(Markup.Escape(CompareText.Difference(comparison)));
        Notes(console, comparison.Notes);
    }

    public static void Write(ProgressReport progress, TextWriter output)
    {
        var console = TerminalConsole.Over(output);
        string rate = progress.SessionsPerWeek is { } perWeek ? F($", {perWeek:0.0} a week") : string.Empty;
        console.MarkupLine(F($"[bold]Progress[/] — {Markup.Escape(CompareText.ExerciseTitle(progress.Exercise))}{(progress.Client is { } c ? " — " + Markup.Escape(c) : string.Empty)}: {progress.Sessions.Count} sessions over {progress.SpanDays / 7.0:0.0} weeks{rate}"));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Date");
        table.AddColumn(new TableColumn("Week").RightAligned());
        table.AddColumn(new TableColumn("Left FPPA").RightAligned());
        table.AddColumn(new TableColumn("Right FPPA").RightAligned());
        table.AddColumn(new TableColumn("Events L/R").RightAligned());
        table.AddColumn("Recording");
        foreach (var s in progress.Sessions)
        {
            table.AddRow(
                Cell(s.Session.Date.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (s.Session.DateIsRecording ? string.Empty : "*")),
                Cell(F($"{s.Week}")),
                Leg(s.Left, ProgressText.Cell(s.Left)),
                Leg(s.Right, ProgressText.Cell(s.Right)),
                Cell(F($"{Events(s.Left)}/{Events(s.Right)}")),
                Cell(s.Session.FileName));
        }

        console.Write(table);
        foreach (var side in new[] { Side.Left, Side.Right })
        {
            console.MarkupLine(Markup.Escape(ProgressText.Change(progress.Leg(side))));
        }

        var untrusted = progress.Sessions.SelectMany(s => new[] { s.Left, s.Right }).Where(g => g.Measures.Tested && !g.Trust.IsTrusted).ToList();
        foreach (var leg in untrusted)
        {
            console.MarkupLine(F($"[grey]{Markup.Escape(leg.Session.FileName)}, {leg.Side.ToName()} leg: accuracy unknown — {Markup.Escape(leg.Trust.Reason ?? string.Empty)}; not charted[/]"));
        }

        Notes(console, progress.Notes);
    }

    private static string Events(LegReading leg) => leg.Measures.Tested ? F($"{leg.Measures.EventCount}") : "–";

    private static void Notes(IAnsiConsole console, IReadOnlyList<string> notes)
    {
        foreach (var note in notes)
        {
            console.MarkupLine("[yellow]Note:[/] " + Markup.Escape(note));
        }
    }

    private static Markup Leg(LegReading leg, string text) =>
        leg.Trust.IsTrusted ? Cell(text) : new Markup("[grey]" + Markup.Escape(text) + "[/]");

    private static Markup Cell(string text) => new(Markup.Escape(text));

    private static string Signed(LeftRightComparison comparison, double? value, string unit) =>
        comparison.NotComparedReason is not null ? "not compared" : value is null ? ReportText.Undefined : ReportText.Number(value, "+0.0;-0.0;0.0") + unit;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
