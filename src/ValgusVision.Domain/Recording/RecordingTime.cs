using System.Globalization;

namespace ValgusVision.Domain.Recording;

/// <summary>Where a recording's date came from; never a file's modification time (a copy changes it).</summary>
public enum RecordingTimeSource
{
    /// <summary>The video container's own creation time (MP4/MOV <c>creation_time</c>).</summary>
    Container,

    /// <summary>The live recorder's capture clock: it recorded the session itself.</summary>
    Live,

    /// <summary>Given by the user (<c>--recorded-on</c>).</summary>
    User,
}

/// <summary>When a session was recorded and how that is known (report.json's <c>recordedAt</c>, <c>recordedAtSource</c>).</summary>
/// <param name="At">The moment, with its offset (UTC unless the user gave a local time without one).</param>
/// <param name="Source">How it is known.</param>
public sealed record RecordingTime(DateTimeOffset At, RecordingTimeSource Source)
{
    /// <summary>ISO 8601 as report.json writes it: <c>YYYY-MM-DDThh:mm:ssZ</c> (UTC).</summary>
    public string Iso => At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The calendar day a person would name ("2026-11-02"), in UTC as report.json stores it.</summary>
    public DateOnly Day => DateOnly.FromDateTime(At.UtcDateTime);
}

public static class RecordingTimeSources
{
    public static string ToName(this RecordingTimeSource source) => source switch
    {
        RecordingTimeSource.Container => "container",
        RecordingTimeSource.Live => "live",
        RecordingTimeSource.User => "user",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>The source named as report.json writes it; null for anything else.</summary>
    public static RecordingTimeSource? Parse(string? name) => name switch
    {
        "container" => RecordingTimeSource.Container,
        "live" => RecordingTimeSource.Live,
        "user" => RecordingTimeSource.User,
        _ => null,
    };

    /// <summary>
    /// A user's <c>YYYY-MM-DD</c> or <c>YYYY-MM-DDTHH:MM</c> (read as UTC: report.json keeps UTC, and a day given
    /// alone stays that day); null when the text is neither.
    /// </summary>
    public static RecordingTime? ParseUser(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm"];
        return DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? new RecordingTime(new DateTimeOffset(time, TimeSpan.Zero), RecordingTimeSource.User)
            : null;
    }
}
