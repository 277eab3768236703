using System.Collections.Immutable;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Truth;
using ValgusVision.Video;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// <c>valgus eval</c>'s work: each clip with a truth file beside it is analysed exactly as <c>valgus analyze</c> does
/// (<see cref="AnalysisJob.MeasureAsync"/>, no output files) and compared with the truth. A clip that cannot be
/// evaluated (no truth, a malformed truth, a frame count that differs, an unreadable video) becomes one line naming the
/// file, and the other clips go on.
/// </summary>
public sealed class AccuracyEvaluation(AnalyzeOptions options, PoseEstimatorFactory? createEstimator = null)
{
    public async Task<EvaluationResult> RunAsync(
        IReadOnlyList<string> clips, Action<ClipAccuracy>? clipDone, Action<string>? clipFailed, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(clips);
        var measured = ImmutableArray.CreateBuilder<ClipAccuracy>();
        var failures = ImmutableArray.CreateBuilder<string>();
        var times = new StageTimes();
        using var job = new AnalysisJob(options with { Range = TimeRange.All }, createEstimator);
        foreach (string clip in clips)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                var accuracy = await EvaluateAsync(job, clip, times, cancellation).ConfigureAwait(false);
                measured.Add(accuracy);
                clipDone?.Invoke(accuracy);
            }
            catch (Exception e) when (IsInputProblem(e))
            {
                failures.Add(e.Message);
                clipFailed?.Invoke(e.Message);
            }
        }

        var pose = times.All.FirstOrDefault(s => s.Name == "pose");
        double? poseMs = pose is { Frames: > 0 } ? pose.MeanMs : null;
        return new EvaluationResult(measured.ToImmutable(), failures.ToImmutable(), options.Model.Name, options.Levers, poseMs);
    }

    private static async Task<ClipAccuracy> EvaluateAsync(AnalysisJob job, string clip, StageTimes times, CancellationToken cancellation)
    {
        string truthPath = TruthFiles.PathFor(clip);
        if (!File.Exists(clip))
        {
            throw new FileNotFoundException($"clip '{clip}' not found", clip);
        }

        if (!File.Exists(truthPath))
        {
            throw new FileNotFoundException($"truth '{truthPath}' not found: clip '{clip}' has no truth file beside it", truthPath);
        }

        var truth = SampleTruthReader.Read(truthPath);
        using var source = FrameSources.Open(clip);
        if (source.Info.FrameCount is { } declared && declared != truth.Frames.Length)
        {
            throw FrameCountMismatch(truthPath, truth, clip, declared);
        }

        var measurement = await job.MeasureAsync(clip, source, times, null, cancellation).ConfigureAwait(false);
        var poses = measurement.Pass.Poses;
        if (poses.Count != truth.Frames.Length || source.EndedEarly)
        {
            throw FrameCountMismatch(truthPath, truth, clip, poses.Count);
        }

        return AccuracyComparison.Compare(Path.GetFileName(clip), truth, poses, measurement.Analysis);
    }

    private static InvalidDataException FrameCountMismatch(string truthPath, SampleTruth truth, string clip, int clipFrames) =>
        new($"truth '{truthPath}' has {truth.Frames.Length} frames but clip '{clip}' has {clipFrames}: they do not belong together");

    private static bool IsInputProblem(Exception e) =>
        e is IOException or InvalidDataException or ArgumentException or NotSupportedException or UnauthorizedAccessException
            or OpenCvSharp.OpenCVException;
}
