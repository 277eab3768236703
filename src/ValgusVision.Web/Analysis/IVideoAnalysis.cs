using ValgusVision.App;
using ValgusVision.Domain.Recording;

namespace ValgusVision.Web.Analysis;

/// <summary>The one thing the web app asks of the analysis: a video in, the usual outputs in a folder.</summary>
public interface IVideoAnalysis
{
    /// <param name="exercise">auto, squat, hinge, hitch, drop-jump or ankle-lunge.</param>
    /// <param name="recordedAt">
    /// When it was recorded, when the server knows (a live session: its capture clock); null for an upload, whose date
    /// is the container's own, as with <c>valgus analyze</c> (never the browser's file date: a copy changes that).
    /// </param>
    Task RunAsync(string input, OutputPaths outputs, string exercise, RecordingTime? recordedAt, IProgress<JobProgress> progress, CancellationToken cancellation);
}
