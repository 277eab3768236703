using System.Collections.Concurrent;
using System.Diagnostics;
using ValgusVision.Domain.Pose;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// Runs a batch: the shard's inputs, skipping those already complete with the same settings (unless forced) and
/// recomputing from frames.csv those whose analysis settings changed (<see cref="ResumeDecision"/>), several at once
/// when asked, one failure never stopping the others, then the summary file (written atomically, after every input).
/// </summary>
public sealed class BatchRunner(BatchOptions options, PoseEstimatorFactory? createEstimator = null)
{
    private IReadOnlyList<ResumeDecision>? _decisions;

    /// <summary>summary.csv for a whole batch; summary.shard-i-of-N.csv for one shard (shards may share an output folder).</summary>
    public static string SummaryPathFor(string outputDirectory, ShardSpec shard) =>
        Path.Combine(outputDirectory, shard.IsWhole ? "summary.csv" : $"summary.shard-{shard.Index}-of-{shard.Count}.csv");

    /// <summary>What happens to each of this shard's inputs, in the plan's order (worked out once; the console prints the reasons first).</summary>
    public IReadOnlyList<ResumeDecision> Decisions()
    {
        if (_decisions is null)
        {
            options.Validate();
            var plan = BatchPlanner.Plan(options.Inputs, options.Analyze.OutputDirectory);
            var key = ResumeKey.For(options.Analyze);
            _decisions = [.. plan.Where((_, i) => options.Shard.Takes(i)).Select(i => ResumeDecision.For(i, key, options.Analyze.Formats, options.Force))];
        }

        return _decisions;
    }

    public async Task<BatchResult> RunAsync(IProgress<BatchProgress>? progress, CancellationToken cancellation)
    {
        var wall = Stopwatch.StartNew();
        string outDir = options.Analyze.OutputDirectory;
        var decisions = Decisions();
        var mine = decisions.Select(d => d.Item).ToList();
        var recompute = decisions.Where(d => d.Action == ResumeAction.Recompute).Select(d => d.Item).ToHashSet();
        var todo = decisions.Where(d => d.Action != ResumeAction.Skip).Select(d => d.Item).ToList();
        int skipped = mine.Count - todo.Count;
        long expectedFrames = todo.Where(i => !recompute.Contains(i)).Sum(i => ProbeFrames(i.Input));

        var rows = new ConcurrentDictionary<BatchItem, IReadOnlyList<SummaryRow>>();
        var failures = new ConcurrentBag<(string, string)>();
        var queue = new ConcurrentQueue<BatchItem>(todo);
        int finished = skipped, framesDone = 0, framesAnalysed = 0, analysed = 0, recomputed = 0;

        async Task Worker(int worker)
        {
            using var job = new AnalysisJob(options.Analyze, createEstimator);
            int jobFrames = 0;
            var report = new SyncProgress<JobProgress>(p =>
            {
                int delta = p.Done - jobFrames;
                if (p.Phase is JobPhase.Pose && delta > 0)
                {
                    Interlocked.Add(ref framesDone, delta);
                    jobFrames = p.Done;
                }

                progress?.Report(new BatchProgress(worker, p, Volatile.Read(ref finished), mine.Count, Volatile.Read(ref framesDone), expectedFrames));
            });
            while (queue.TryDequeue(out var item))
            {
                cancellation.ThrowIfCancellationRequested();
                jobFrames = 0;
                try
                {
                    if (recompute.Contains(item))
                    {
                        var result = await job.RecomputeAsync(item.Input, item.Label, item.Paths, report, cancellation).ConfigureAwait(false);
                        rows[item] = SummaryRow.From(result, item.Label);
                        Interlocked.Increment(ref recomputed);
                    }
                    else
                    {
                        var result = await job.RunAsync(item.Input, item.Label, item.Paths, report, cancellation).ConfigureAwait(false);
                        rows[item] = SummaryRow.From(result, item.Label);
                        Interlocked.Add(ref framesAnalysed, result.FramesAnalysed);
                        Interlocked.Increment(ref analysed);
                    }
                }
                catch (OutputWriteException)
                {
                    // A full disk or an unwritable folder fails every input after this one too: stop the batch (the
                    // inputs finished so far keep their outputs and completion markers, so a rerun resumes).
                    queue.Clear();
                    throw;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
                {
                    string message = e.Message.ReplaceLineEndings(" ");
                    failures.Add((item.Label, message));
                    rows[item] = [SummaryRow.Failed(item.Label, message)];
                }

                Interlocked.Increment(ref finished);
                progress?.Report(new BatchProgress(worker, new JobProgress(item.Input, JobPhase.Finished, 0, 0), Volatile.Read(ref finished), mine.Count, Volatile.Read(ref framesDone), expectedFrames));
            }
        }

        var workers = Enumerable.Range(0, Math.Min(options.Jobs, Math.Max(1, todo.Count))).Select(w => Task.Run(() => Worker(w), CancellationToken.None)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);

        var ordered = new List<SummaryRow>();
        foreach (var item in mine)
        {
            ordered.AddRange(rows.TryGetValue(item, out var r) ? r : CompletionMarker.ReadSummary(item.Paths));
        }

        string summaryPath = SummaryPathFor(outDir, options.Shard);
        Directory.CreateDirectory(outDir);
        AtomicOutput.WriteText(summaryPath, w => SummaryCsv.Write(w, ordered));
        return new BatchResult(
            ordered, analysed, skipped, [.. failures.OrderBy(f => f.Item1, StringComparer.Ordinal)], summaryPath, framesAnalysed, wall.Elapsed.TotalSeconds, recomputed);
    }

    private static int ProbeFrames(string input)
    {
        try
        {
            using var source = FrameSources.Open(input);
            return source.Info.FrameCount ?? 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            return 0; // Reported properly when the input's turn comes.
        }
    }
}
