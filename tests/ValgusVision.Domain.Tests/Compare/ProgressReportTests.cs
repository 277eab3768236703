using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Compare;
using ValgusVision.Domain.Pose;
using static ValgusVision.Domain.Tests.Compare.CompareSessions;

namespace ValgusVision.Domain.Tests.Compare;

public class ProgressReportTests
{
    private static readonly MeasurementTrust Turned = new(false, "not a frontal view");

    [Fact]
    public void Sessions_are_ordered_by_date_with_days_and_weeks_since_the_first()
    {
        // Given out of order: days 9, 0, 23 (Monday 2 Nov, Wednesday 11 Nov, Wednesday 25 Nov).
        var p = ProgressReport.Of([Of("c", Side.Left, 10, day: 9), Of("a", Side.Left, 14, day: 0), Of("d", Side.Left, 8, day: 23)]);
        Assert.Equal(["a", "c", "d"], p.Sessions.Select(s => s.Session.Source));
        Assert.Equal([0, 9, 23], p.Sessions.Select(s => s.DaysSinceFirst));
        Assert.Equal(9 / 7.0, p.Sessions[1].WeeksSinceFirst, 12);
        Assert.Equal([1, 2, 4], p.Sessions.Select(s => s.Week)); // days 0–6 week 1, 7–13 week 2, 21–27 week 4
        Assert.Equal(23, p.SpanDays);
        Assert.Equal(3 / (23 / 7.0), p.SessionsPerWeek!.Value, 12); // 0.913 a week
    }

    [Fact]
    public void Days_count_calendar_dates_not_24_hour_periods()
    {
        // 23:00 on day 0 and 01:00 on day 1 are two hours apart but on two dates.
        var late = Of("late", Side.Left, 10) with { Date = new DateTimeOffset(2026, 11, 2, 23, 0, 0, TimeSpan.Zero) };
        var early = Of("early", Side.Left, 10) with { Date = new DateTimeOffset(2026, 11, 3, 1, 0, 0, TimeSpan.Zero) };
        var p = ProgressReport.Of([early, late]);
        Assert.Equal([0, 1], p.Sessions.Select(s => s.DaysSinceFirst));
        Assert.Null(p.SessionsPerWeek); // a span under a week is not a rate
    }

    [Fact]
    public void Change_is_last_minus_first_trusted_session_and_untrusted_ones_are_left_out()
    {
        // Left: 14.4 (day 0), 40.3 untrusted (day 10), 8.4 (day 24) → change 8.4 − 14.4 = −6.0 over 2 trusted of 3.
        // Right: 2.5 (day 2) only → no change.
        var p = ProgressReport.Of(
        [
            Of("l0", Side.Left, 14.4, day: 0),
            Of("r2", Side.Right, 2.5, day: 2),
            Of("l10", Side.Left, 40.3, day: 10, trust: Turned),
            Of("l24", Side.Left, 8.4, day: 24),
        ]);
        Assert.Equal(3, p.Left.TestedSessions);
        Assert.Equal(2, p.Left.TrustedSessions);
        Assert.Equal(-6.0, p.Left.ChangeDeg!.Value, 9);
        Assert.Equal("l0", p.Left.First!.Session.Source);
        Assert.Equal("l24", p.Left.Last!.Session.Source);
        Assert.Equal(1, p.Right.TestedSessions);
        Assert.Null(p.Right.ChangeDeg);
        Assert.Null(p.Right.Last);
        Assert.False(p.Sessions[1].Left.Measures.Tested); // the right-leg session did not test the left leg
    }

    [Fact]
    public void No_trusted_session_means_no_change_and_no_first()
    {
        var p = ProgressReport.Of([Of("a", Side.Left, 30, trust: Turned), Of("b", Side.Left, 31, day: 7, trust: Turned)]);
        Assert.Null(p.Left.First);
        Assert.Null(p.Left.ChangeDeg);
        Assert.Equal(0, p.Left.TrustedSessions);
        Assert.Equal(0, p.Right.TestedSessions);
    }

    [Fact]
    public void Different_people_exercises_or_the_same_report_twice_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ProgressReport.Of([]));
        var people = Assert.Throws<ArgumentException>(() => ProgressReport.Of([Of("a", Side.Left, 5, client: "Anna"), Of("b", Side.Left, 5, day: 2, client: "Ben")]));
        Assert.Contains("different people", people.Message, StringComparison.Ordinal);
        var mixed = Assert.Throws<ArgumentException>(() => ProgressReport.Of([Of("a", Side.Left, 5), Of("b", Side.Left, 5, exercise: "hinge"), Of("c", Side.Left, 5)]));
        Assert.Contains("squat: 2, hinge: 1", mixed.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ProgressReport.Of([Of("a", Side.Left, 5), Of("a", Side.Left, 5)]));
        Assert.Throws<ArgumentException>(() => ProgressReport.Of([Of("a", Side.Left, 5, exercise: "ankle-lunge")]));
    }

    [Fact]
    public void Reports_without_a_client_go_with_a_named_one_and_undated_ones_are_noted()
    {
        var undated = Of("b", Side.Left, 5, day: 3) with { DateIsRecording = false };
        var p = ProgressReport.Of([Of("a", Side.Left, 5, client: "Anna"), undated]);
        Assert.Equal("Anna", p.Client);
        Assert.Contains(p.Notes, n => n.StartsWith("1 of 2 reports do not say when they were recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void Different_limits_are_noted()
    {
        var p = ProgressReport.Of([Of("a", Side.Left, 5, limit: 10), Of("b", Side.Left, 5, day: 3, limit: 8.5)]);
        Assert.Contains(p.Notes, n => n.Contains("different limits (10°, 8.5°)", StringComparison.Ordinal));
    }
}
