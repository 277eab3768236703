using System.Text.Json;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Web.Live;

/// <summary>
/// What runs a guided live session on the server beside the analysis: the guided protocol (<see cref="LiveGuide"/>)
/// or the position-sense drill (<see cref="LiveDrill"/>), each the live command's own state machine. The socket feeds
/// it every frame, passes the page's "Next" to it, adds its state to each answer and stores its result at the end.
/// </summary>
internal interface ILiveCoach
{
    /// <summary>The leg it works now, over the detected one; null to keep the detected one.</summary>
    Side? Stance { get; }

    /// <summary>The FPPA must not reach the page now (the drill before its reveal): no number, no colour, no flash.</summary>
    bool HidesFeedback { get; }

    /// <summary>Follows the analysis to this frame.</summary>
    void Follow(LiveSessionAnalyzer analyzer, FrameMetrics metrics, Side? stance);

    /// <summary>The page's "Next" (button or space), at the capture time of the last frame.</summary>
    void Advance(double timeSeconds);

    /// <summary>Its object in a frame's answer.</summary>
    void Write(Utf8JsonWriter json);

    /// <summary>Its result, as files in the session's folder.</summary>
    void Store(string sessionFolder);
}
