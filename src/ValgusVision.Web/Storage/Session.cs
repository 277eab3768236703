using ValgusVision.Domain.Recording;

namespace ValgusVision.Web.Storage;

/// <summary>One recorded or imported session of a client, with the numbers the progress chart needs.</summary>
public sealed record Session(
    long Id,
    long ClientId,
    DateOnly Date,
    bool IsScreen,
    SessionSource Source,
    SessionState State,
    string? Problem,
    string RequestedExercise,
    string InputFile,
    DateTime CreatedUtc,
    SessionMetrics Metrics);

/// <summary>How the session came in.</summary>
public enum SessionSource
{
    Upload,
    Import,

    /// <summary>Recorded from the browser's camera (Live/): its video is analysed like an upload.</summary>
    Live,
}

/// <summary>Where a session's analysis is. Queued and Running survive a restart and are queued again.</summary>
public enum SessionState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// The numbers kept per session for the progress chart, read from its report.json. Null is unknown (not measured,
/// or measured with too little to trust): never drawn, never guessed. <see cref="Recorded"/> is when the recording was
/// made (report.json's <c>recordedAt</c>): the chart places the session there; null = not known.
/// </summary>
public sealed record SessionMetrics(
    string? Exercise,
    double? LeftFppaDeg,
    double? RightFppaDeg,
    double? LeftLungeDeg,
    double? RightLungeDeg,
    int RepCount,
    RecordingTime? Recorded = null)
{
    public static SessionMetrics None { get; } = new(null, null, null, null, null, 0);
}
