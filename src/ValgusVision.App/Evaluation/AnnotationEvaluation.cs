using ValgusVision.Domain.Pose;
using ValgusVision.Video;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// <c>valgus eval CLIP --annotations FILE</c> / <c>--kinovea FILE</c>: the clip analysed as <c>valgus analyze</c> does
/// (<see cref="AnalysisJob.MeasureAsync"/>) and compared with a clinic's digitising (<see cref="AnnotationAccuracy"/>);
/// writes annotations.md atomically.
/// </summary>
public sealed class AnnotationEvaluation(AnalyzeOptions options, PoseEstimatorFactory? createEstimator = null)
{
    public const string MarkdownName = "annotations.md";

    /// <param name="annotationsPath">Clicked points CSV (<see cref="ManualAnnotations"/>); null for none.</param>
    /// <param name="kinoveaPath">Kinovea's angle export (<see cref="KinoveaAngles"/>); null for none.</param>
    public async Task<AnnotationAccuracy> RunAsync(
        string clip, string? annotationsPath, string? kinoveaPath, string? kinoveaColumn, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (annotationsPath is null && kinoveaPath is null)
        {
            throw new ArgumentException("give --annotations FILE, --kinovea FILE or both");
        }

        // The files are read before the clip is analysed, so a bad file costs no analysis.
        var clicked = annotationsPath is null ? [] : ManualAnnotations.Read(annotationsPath);
        var kinovea = kinoveaPath is null ? [] : KinoveaAngles.Read(kinoveaPath, kinoveaColumn);
        if (!File.Exists(clip))
        {
            throw new FileNotFoundException($"clip '{clip}' not found", clip);
        }

        using var job = new AnalysisJob(options with { Range = TimeRange.All }, createEstimator);
        using var source = FrameSources.Open(clip);
        var measurement = await job.MeasureAsync(clip, source, new StageTimes(), null, cancellation).ConfigureAwait(false);
        return AnnotationAccuracy.Compare(Path.GetFileName(clip), clicked, kinovea, measurement.Pass.Poses, measurement.Analysis);
    }

    /// <summary>Writes annotations.md into <paramref name="directory"/>; returns its path.</summary>
    public static string Write(AnnotationAccuracy accuracy, string directory)
    {
        ArgumentNullException.ThrowIfNull(accuracy);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, MarkdownName);
        AtomicOutput.WriteText(path, accuracy.WriteMarkdown);
        return path;
    }
}
