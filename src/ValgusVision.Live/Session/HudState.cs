using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Session;

/// <summary>Everything the live overlay shows besides the pose and the frame's metrics.</summary>
/// <param name="Stance">The leg being measured (user's choice, or detected).</param>
/// <param name="FeedbackHidden">The drill hides the FPPA ("hold…").</param>
/// <param name="Prompt">The drill's or protocol's instruction; null in free training.</param>
/// <param name="Reps">Reps finished so far.</param>
/// <param name="LastVerdict">The last rep's verdict sentence.</param>
/// <param name="Flash">A valgus event just started: flash red.</param>
/// <param name="SetRunning">A set is running (space).</param>
/// <param name="UntrustedReason">
/// Why this frame's accuracy is unknown (view, legs' size, set-up: <see cref="MeasurementTrust"/>); null when trusted.
/// An untrusted number is drawn grey with its reason and never gets the red event border.
/// </param>
/// <param name="Debug">
/// <c>--debug</c>: also the developer's figures (fps, latency, the refinement marks' legend); the client's screen
/// shows none of them otherwise.
/// </param>
public readonly record struct HudState(
    Side? Stance,
    bool Mirror,
    bool FeedbackHidden,
    string? Prompt,
    int Reps,
    string? LastVerdict,
    bool Flash,
    bool InEvent,
    bool SetRunning,
    double Fps,
    double LatencyMs,
    bool ShowHelp,
    string? UntrustedReason = null,
    bool Debug = false);
