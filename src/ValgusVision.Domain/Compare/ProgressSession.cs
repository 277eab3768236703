namespace ValgusVision.Domain.Compare;

/// <summary>One session on the progress report's time line, both legs read with their trust.</summary>
/// <param name="Session">The recording.</param>
/// <param name="DaysSinceFirst">Calendar days (UTC dates) since the first session's.</param>
public sealed record ProgressSession(SessionRecord Session, int DaysSinceFirst, LegReading Left, LegReading Right)
{
    /// <summary>Weeks since the first session (the method: a few sessions a week for four weeks).</summary>
    public double WeeksSinceFirst => DaysSinceFirst / 7.0;

    /// <summary>1 for the first seven days, 2 for the next seven, …, as a training plan counts its weeks.</summary>
    public int Week => (DaysSinceFirst / 7) + 1;
}
