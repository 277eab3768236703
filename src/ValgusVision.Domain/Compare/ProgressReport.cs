using System.Globalization;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Compare;

/// <summary>
/// Many sessions of one person, in recording order: per session each leg's knee angle with its trust, per leg the
/// change over the weeks, and how often the person was tested.
/// </summary>
/// <param name="Client">The client named by the reports; null when none names one.</param>
/// <param name="Exercise">The one exercise of every session.</param>
/// <param name="Sessions">Oldest first.</param>
/// <param name="Left">The left leg over time.</param>
/// <param name="Right">The right leg over time.</param>
/// <param name="SpanDays">Days from the first session to the last.</param>
/// <param name="SessionsPerWeek">Sessions per week over the span; null for a span under a week (too short to be a rate).</param>
/// <param name="Notes">What a reader should know (dates from analysis time, different limits).</param>
public sealed record ProgressReport(
    string? Client,
    string Exercise,
    IReadOnlyList<ProgressSession> Sessions,
    LegProgress Left,
    LegProgress Right,
    int SpanDays,
    double? SessionsPerWeek,
    IReadOnlyList<string> Notes)
{
    public LegProgress Leg(Side side) => side == Side.Left ? Left : Right;

    /// <summary>Orders the sessions by date and reads them.</summary>
    /// <exception cref="ArgumentException">No sessions, the same report twice, other exercises, other people, the lunge test.</exception>
    public static ProgressReport Of(IEnumerable<SessionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("no report.json to chart");
        }

        var twice = list.GroupBy(s => s.Source, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"{twice.Key} is given twice");
        }

        if (list.FirstOrDefault(s => s.Exercise == "ankle-lunge") is { } lunge)
        {
            throw new ArgumentException($"{lunge.Source} is a lunge test: progress charts knee angles (FPPA); its ankle angle is in its own report");
        }

        var exercises = list.GroupBy(s => s.Exercise, StringComparer.Ordinal).ToList();
        if (exercises.Count > 1)
        {
            string counts = string.Join(", ", exercises.Select(g => F($"{g.Key}: {g.Count()}")));
            throw new ArgumentException($"the reports mix exercises ({counts}); chart one exercise at a time");
        }

        string? client = SameClient.Of(list);

        // Same-day sessions keep their time order; the source breaks exact ties so the order never depends on the input's.
        var ordered = list.OrderBy(s => s.Date).ThenBy(s => s.Source, StringComparer.Ordinal).ToList();
        var firstDay = ordered[0].Date.UtcDateTime.Date;
        var sessions = ordered
            .Select(s => new ProgressSession(s, s.Date.UtcDateTime.Date.Subtract(firstDay).Days, LegReading.Of(s, Side.Left), LegReading.Of(s, Side.Right)))
            .ToList();
        int span = sessions[^1].DaysSinceFirst;
        double? perWeek = span >= 7 ? sessions.Count / (span / 7.0) : null;
        var notes = new List<string>();
        int undated = ordered.Count(s => !s.DateIsRecording);
        if (undated > 0)
        {
            notes.Add(F($"{undated} of {ordered.Count} reports do not say when they were recorded; they are placed by when they were analysed."));
        }

        var limits = ordered.Select(s => s.ThresholdDeg).Distinct().ToList();
        if (limits.Count > 1)
        {
            notes.Add($"The sessions were analysed with different limits ({string.Join(", ", limits.Select(l => F($"{l:0.#}°")))}); the chart draws each session's own.");
        }

        return new ProgressReport(client, ordered[0].Exercise, sessions, LegProgress.Of(Side.Left, sessions), LegProgress.Of(Side.Right, sessions), span, perWeek, notes);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
