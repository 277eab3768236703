using ValgusVision.App;

namespace ValgusVision.Web.Analysis;

/// <summary>The one thing the web app asks of the analysis: a video in, the usual outputs in a folder.</summary>
public interface IVideoAnalysis
{
    /// <param name="exercise">auto, squat, hinge, hitch, drop-jump or ankle-lunge.</param>
    Task RunAsync(string input, OutputPaths outputs, string exercise, IProgress<JobProgress> progress, CancellationToken cancellation);
}
