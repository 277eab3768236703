using ValgusVision.App.Compare;

namespace ValgusVision.Web.Storage;

/// <summary>
/// One recorded or imported session of a client, with the numbers the progress chart needs (<see cref="ReportChartValues"/>,
/// read from its report.json by the App's reader; null is unknown, never drawn, never guessed).
/// </summary>
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
    ReportChartValues Metrics);

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
