using System.Collections.Immutable;
using ValgusVision.Domain.Pose;
using ValgusVision.Video;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// <c>valgus eval --mirror</c>'s work: each clip is analysed as <c>valgus analyze</c> does, once as it is and once
/// flipped left to right (<see cref="MirroredFrameSource"/>), and the two FPPA series are compared
/// (<see cref="MirrorSymmetry"/>). Needs no truth, so it runs on real videos too. A clip that cannot be read is one
/// line naming it, and the others go on.
/// </summary>
public sealed class MirrorEvaluation(AnalyzeOptions options, PoseEstimatorFactory? createEstimator = null)
{
    public const string CsvName = "mirror.csv";

    public async Task<(ImmutableArray<MirrorSymmetry> Clips, ImmutableArray<string> Failures, double? PoseMsPerFrame)> RunAsync(
        IReadOnlyList<string> clips, Action<MirrorSymmetry>? clipDone, Action<string>? clipFailed, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clips);
        var measured = ImmutableArray.CreateBuilder<MirrorSymmetry>();
        var failures = ImmutableArray.CreateBuilder<string>();
        var times = new StageTimes();
        using var job = new AnalysisJob(options with { Range = TimeRange.All }, createEstimator);
        foreach (string clip in clips)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                if (!File.Exists(clip))
                {
                    throw new FileNotFoundException($"clip '{clip}' not found", clip);
                }

                using var plain = FrameSources.Open(clip);
                var original = await job.MeasureAsync(clip, plain, times, null, cancellation).ConfigureAwait(false);
                using var flipped = new MirroredFrameSource(FrameSources.Open(clip));
                var mirrored = await job.MeasureAsync(
                    clip, flipped, times, null, cancellation, () => new MirroredFrameSource(FrameSources.Open(clip))).ConfigureAwait(false);
                var symmetry = MirrorSymmetry.Compare(Path.GetFileName(clip), original.Analysis, mirrored.Analysis);
                measured.Add(symmetry);
                clipDone?.Invoke(symmetry);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or NotSupportedException
                or UnauthorizedAccessException or OpenCvSharp.OpenCVException)
            {
                failures.Add(e.Message);
                clipFailed?.Invoke(e.Message);
            }
        }

        var pose = times.All.FirstOrDefault(s => s.Name == "pose");
        return (measured.ToImmutable(), failures.ToImmutable(), pose is { Frames: > 0 } ? pose.MeanMs : null);
    }

    /// <summary>Writes mirror.csv into <paramref name="directory"/> atomically; returns its path.</summary>
    public static string Write(IReadOnlyList<MirrorSymmetry> clips, string directory)
    {
        ArgumentNullException.ThrowIfNull(clips);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, CsvName);
        AtomicOutput.WriteText(path, w =>
        {
            w.WriteLine(MirrorSymmetry.CsvHeader);
            foreach (var clip in clips)
            {
                w.WriteLine(clip.CsvRow());
            }
        });
        return path;
    }
}
