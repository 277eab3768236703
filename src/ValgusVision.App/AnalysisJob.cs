using System.Diagnostics;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Recording;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// Analyses inputs one after the other: pass 1 (decode + pose), the domain analysis, the report files, then pass 2
/// (decode + overlay + encode) when a video is asked for. Pose estimators are created once and reused (loading the
/// models costs far more than a short clip). Not thread-safe: one job per thread; batch runs several jobs.
/// </summary>
public sealed class AnalysisJob : IDisposable
{
    private readonly AnalyzeOptions _options;
    private readonly PoseEstimatorFactory _createEstimator;
    private readonly Dictionary<(bool Still, bool Flip), IPoseEstimator> _estimators = [];
    private ResumeKey? _resumeKey;

    /// <param name="createEstimator">Makes an estimator for stills or videos with resolved levers; default: BlazePose with the chosen model.</param>
    public AnalysisJob(AnalyzeOptions options, PoseEstimatorFactory? createEstimator = null)
    {
        options.Validate();
        _options = options;
        _createEstimator = createEstimator ?? ((still, levers) => SessionPipeline.CreateEstimator(options.Model, levers, still));
    }

    public AnalyzeOptions Options => _options;

    public Task<InputReport> RunAsync(string input, OutputPaths paths, IProgress<JobProgress>? progress, CancellationToken cancellation) =>
        RunAsync(input, input, paths, progress, cancellation);

    /// <param name="label">The input's name in summaries (batch: its path relative to the searched folder).</param>
    public Task<InputReport> RunAsync(
        string input, string label, OutputPaths paths, IProgress<JobProgress>? progress, CancellationToken cancellation) =>
        RunAsync(input, label, paths, recorded: null, recordedAt: null, progress, cancellation);

    /// <param name="recordedAt">
    /// When the input was recorded, known to the caller (the web app's live recording: its capture clock); it wins over
    /// the container's date, the session's <see cref="SessionOptions.RecordedAt"/> over both. Null: the container's.
    /// </param>
    public Task<InputReport> RunAsync(
        string input, string label, OutputPaths paths, RecordingTime? recordedAt, IProgress<JobProgress>? progress, CancellationToken cancellation) =>
        RunAsync(input, label, paths, recorded: null, recordedAt, progress, cancellation);

    /// <summary>The container's own creation time (<see cref="ContainerCreationTime"/>); none for a still or a camera.</summary>
    private RecordingTime? ContainerDate(string input, SourceInfo info) =>
        info.Kind == SourceKind.VideoFile && ContainerCreationTime.Read(input, _options.FfprobePath) is { } at
            ? new RecordingTime(at, RecordingTimeSource.Container)
            : null;

    /// <summary>
    /// Writes the outputs from the poses of an earlier run's frames.csv instead of running the model (batch resume after
    /// a change of analysis settings or formats): the same analysis as <c>valgus reanalyze</c>, then the same outputs as
    /// a fresh run. The input is still decoded, for the overlay and to learn whether it ends early.
    /// </summary>
    public Task<InputReport> RecomputeAsync(
        string input, string label, OutputPaths paths, IProgress<JobProgress>? progress, CancellationToken cancellation)
    {
        IReadOnlyList<PoseFrame> recorded = Domain.Csv.FramesCsvReader.Read(paths.FramesCsv);
        return RunAsync(input, label, paths, recorded, recordedAt: null, progress, cancellation);
    }

    private async Task<InputReport> RunAsync(
        string input, string label, OutputPaths paths, IReadOnlyList<PoseFrame>? recorded, RecordingTime? recordedAt, IProgress<JobProgress>? progress,
        CancellationToken cancellation)
    {
        var wall = Stopwatch.StartNew();
        var times = new StageTimes();
        progress?.Report(new JobProgress(input, JobPhase.Opening, 0, null));
        EnsureWritable(paths.Directory);
        using var source = FrameSources.Open(input);
        RefuseToOverwrite(input, paths);
        var info = source.Info;
        int? expected = ExpectedFrames(info);

        var (pass1, analysis, session) = recorded is null
            ? await MeasureAsync(input, source, times, n => Report(progress, input, JobPhase.Pose, n, expected), cancellation).ConfigureAwait(false)
            : Replay(source, recorded, times, cancellation);
        bool evaluated = ExpectedFppaAccuracy.IsEvaluated(session);
        progress?.Report(new JobProgress(input, JobPhase.Analysis, pass1.Poses.Count, pass1.Poses.Count));

        var warnings = new List<string>(source.Warnings);
        if (pass1.FramesWithPose == 0)
        {
            warnings.Add($"no person was found in any of the {pass1.Poses.Count} frames: there is nothing to measure");
        }

        warnings.AddRange(analysis.Warnings);
        var written = new List<string>();
        var formats = _options.Formats;
        var snapshots = new RepSnapshots(analysis, pass1.Poses);
        bool pictures = (formats & (OutputFormats.Html | OutputFormats.Pdf)) != 0 && snapshots.LastPosition >= 0;
        string? encoderName = null;
        double? overlayFps = null;
        if (formats.HasFlag(OutputFormats.Video) || pictures)
        {
            // Pass 2 runs before the reports: they show each rep's bottom frame with its overlay.
            cancellation.ThrowIfCancellationRequested();
            using var again = FrameSources.Open(input);
            using var painter = new AnalysisOverlay(analysis, pass1.Poses, again.Info.Width, again.Info.Height, evaluated);
            using var encoder = formats.HasFlag(OutputFormats.Video)
                ? VideoEncoders.Create(
                    paths.OverlayVideo, again.Info.Width, again.Info.Height, OutputFrameRate(pass1.Poses, info), PixelFormat.Bgr24, _options.FfmpegPath)
                : null;
            encoderName = encoder?.Description;
            double seconds = await OverlayPass.RunAsync(
                again, _options.Range, pass1.Poses.Count, painter, encoder, pictures ? snapshots : null, times,
                n => Report(progress, input, JobPhase.Overlay, n, pass1.Poses.Count), cancellation).ConfigureAwait(false);
            if (encoder is not null)
            {
                overlayFps = seconds > 0 ? pass1.Poses.Count / seconds : null;
                written.Add(paths.OverlayVideo);
            }
        }

        progress?.Report(new JobProgress(input, JobPhase.Reports, 0, null));
        cancellation.ThrowIfCancellationRequested();
        long tr = StageTimes.Slot.Start();
        var context = ReportContext.ForSource(input, info, session, pass1.Poses, source.Warnings, source.EndedEarly) with
        {
            VideoEncoder = encoderName,
            RepBottomImages = snapshots.Images,
            Recorded = _options.Session.RecordedAt ?? recordedAt ?? ContainerDate(input, info),
        };
        ReportExports.Write(context, analysis, paths, formats, written);
        times.For("reports").Stop(tr);

        var report = new InputReport(
            input, info, analysis, pass1.Poses.Count, pass1.FramesWithPose, source.EndedEarly, warnings, written, encoderName,
            wall.Elapsed.TotalSeconds, pass1.FramesPerSecond, overlayFps, times.All)
        {
            Trust = MeasurementTrust.Of(analysis, evaluated),
        };
        _resumeKey ??= ResumeKey.For(_options);
        CompletionMarker.Write(paths, input, _options.Formats, written, SummaryRow.From(report, label), _resumeKey);
        progress?.Report(new JobProgress(input, JobPhase.Finished, pass1.Poses.Count, pass1.Poses.Count));
        return report;
    }

    /// <summary>
    /// The part of a run that makes the numbers: pass 1 (decode + pose) and the domain analysis, no outputs.
    /// <c>valgus eval</c> measures exactly this against the truth, so every stage that changes a number belongs here.
    /// </summary>
    /// <param name="reopen">Opens the input again from its first frame (default: the file at <paramref name="input"/>).</param>
    public async Task<PoseMeasurement> MeasureAsync(
        string input, IFrameSource source, StageTimes times, Action<int>? framesDone, CancellationToken cancellation,
        Func<IFrameSource>? reopen = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(times);
        var session = _options.Session.ResolvedFor(live: false);
        var measurement = await MeasureWithAsync(input, source, session, times, framesDone, cancellation).ConfigureAwait(false);
        var asNamed = _options.Session.ResolvedFor(live: false, measurement.Analysis.Exercise);
        if (asNamed.Levers != session.Levers)
        {
            // --exercise auto learns from the poses that this is the lunge test, which runs without flip averaging
            // (PoseLevers.DefaultFlipAveraging): its poses are made again as if the exercise had been named, so auto
            // and the named exercise give the same numbers. Only lunge tests pay the second pass.
            using var again = reopen?.Invoke() ?? FrameSources.Open(input);
            var second = await MeasureWithAsync(input, again, asNamed, times, framesDone, cancellation).ConfigureAwait(false);
            if (second.Analysis.Exercise == measurement.Analysis.Exercise)
            {
                return second;
            }
        }

        return measurement;
    }

    private async Task<PoseMeasurement> MeasureWithAsync(
        string input, IFrameSource source, SessionOptions session, StageTimes times, Action<int>? framesDone, CancellationToken cancellation)
    {
        var estimator = EstimatorFor(source.Info.Kind == SourceKind.Image, session.Levers);
        var pass1 = await PosePass.RunAsync(
            source, SessionPipeline.CreatePoseStage(session, estimator), session.Range, times, framesDone, cancellation).ConfigureAwait(false);
        if (pass1.Poses.Count == 0)
        {
            throw new InvalidDataException($"input '{input}': no frames between --start and --end");
        }

        long ta = StageTimes.Slot.Start();
        var analysis = SessionPipeline.Analyze(pass1.Poses, session);
        times.For("analysis").Stop(ta);
        return new PoseMeasurement(pass1, analysis, session);
    }

    public void Dispose()
    {
        foreach (var estimator in _estimators.Values)
        {
            estimator.Dispose();
        }

        _estimators.Clear();
    }

    /// <summary>Recorded poses in place of pass 1; the source is read to its end so its warnings and early end are known.</summary>
    private PoseMeasurement Replay(IFrameSource source, IReadOnlyList<PoseFrame> recorded, StageTimes times, CancellationToken cancellation)
    {
        if (recorded.Count == 0)
        {
            throw new InvalidDataException("frames.csv of the earlier run holds no frames");
        }

        long td = StageTimes.Slot.Start();
        using (var frame = new VideoFrame())
        {
            while (source.TryRead(frame))
            {
                cancellation.ThrowIfCancellationRequested();
            }
        }

        times.For("decode").Stop(td);
        long ta = StageTimes.Slot.Start();
        var analysis = SessionPipeline.Analyze(recorded, _options.Session);
        times.For("analysis").Stop(ta);
        // The earlier run made these poses with the levers its exercise resolved to; the reports name those.
        var session = _options.Session.ResolvedFor(live: false, analysis.Exercise);
        return new PoseMeasurement(new PosePassResult(recorded, recorded.Count(p => p.HasPose), 0), analysis, session);
    }

    /// <summary>
    /// The overlay keeps every frame, so its constant rate is frames over duration: the same length as the input even
    /// for variable-rate phone videos (a player then shows each frame for the average interval).
    /// </summary>
    private static double OutputFrameRate(IReadOnlyList<PoseFrame> poses, SourceInfo info)
    {
        if (poses.Count > 1)
        {
            double span = poses[^1].TimeSeconds - poses[0].TimeSeconds;
            if (span > 0)
            {
                return (poses.Count - 1) / span;
            }
        }

        return info.FramesPerSecond > 0 ? info.FramesPerSecond : 30;
    }

    private int? ExpectedFrames(SourceInfo info)
    {
        if (info.FrameCount is not { } n || info.FramesPerSecond <= 0)
        {
            return info.FrameCount;
        }

        double start = _options.Range.StartSeconds ?? 0;
        double end = Math.Min(_options.Range.EndSeconds ?? double.MaxValue, n / info.FramesPerSecond);
        return Math.Clamp((int)Math.Ceiling((end - start) * info.FramesPerSecond), 0, n);
    }

    private IPoseEstimator EstimatorFor(bool still, PoseLevers levers)
    {
        var key = (still, levers.FlipAveraging == true);
        if (!_estimators.TryGetValue(key, out var estimator))
        {
            estimator = _createEstimator(still, levers);
            _estimators[key] = estimator;
        }

        return estimator;
    }

    private static void Report(IProgress<JobProgress>? progress, string input, JobPhase phase, int done, int? total)
    {
        // Every 8th frame is plenty for a progress bar and keeps the hot loop quiet.
        if (progress is not null && (done & 7) == 0)
        {
            progress.Report(new JobProgress(input, phase, done, total));
        }
    }

    private static void EnsureWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            string probe = Path.Combine(directory, $".valgus-write-test-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputWriteException(directory, $"output folder '{directory}' cannot be written: {e.Message}", e);
        }
    }

    private static void RefuseToOverwrite(string input, OutputPaths paths)
    {
        string full = Path.GetFullPath(input);
        foreach (var output in paths.For(OutputFormats.All))
        {
            if (string.Equals(Path.GetFullPath(output), full, StringComparison.Ordinal))
            {
                throw new ArgumentException($"input '{input}': an output would overwrite it; choose another --out folder");
            }
        }
    }
}
