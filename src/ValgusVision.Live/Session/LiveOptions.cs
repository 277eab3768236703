using ValgusVision.App;
using ValgusVision.Domain.Analysis;

namespace ValgusVision.Live.Session;

/// <summary>What <c>valgus live</c> was asked to do.</summary>
/// <param name="Camera">Camera index, stream URL, or a video file played as if it were a camera.</param>
/// <param name="Headless">No window: live metrics go to the console.</param>
/// <param name="Session">The session's analysis settings, pose model, levers and refinement (shared with analyze).</param>
/// <param name="Mode">Free training, the guided protocol, or the position-sense drill.</param>
/// <param name="RecordFolder">Where to stream the camera video and frames CSV and write the report; null = no recording.</param>
/// <param name="MaxSeconds">Stop after this long (for tests and timed demos); null = until quit.</param>
/// <param name="DrillTrials">Trials per leg in the drill.</param>
/// <param name="Debug">Show the developer's figures (fps, latency, the refinement legend) on the screen and console lines.</param>
public sealed record LiveOptions(
    string Camera,
    bool Headless,
    SessionOptions Session,
    LiveMode Mode,
    string? RecordFolder,
    double? MaxSeconds = null,
    int DrillTrials = 5,
    bool Debug = false)
{
    /// <summary>Analysis settings (exercise, stance override, threshold).</summary>
    public AnalysisSettings Settings => Session.Settings;
}
