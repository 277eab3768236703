using System.Collections.Concurrent;
using System.Diagnostics;
using ValgusVision.Domain.Pose;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// Runs a batch: the shard's inputs, skipping those already complete (unless forced), several at once when asked,
/// one failure never stopping the others, then the summary file (written atomically, after every input).
/// </summary>
public sealed class BatchRunner(BatchOptions options, Func<bool, IPoseEstimator>? createEstimator = null)
{
    /// <summary>summary.csv for a whole batch; summary.shard-i-of-N.csv for one shard (shards may share an output folder).</summary>
    public static string SummaryPathFor(string outputDirectory, ShardSpec shard) =>
        Path.Combine(outputDirectory, shard.IsWhole ? "summary.csv" : $"summary.shard-{shard.Index}-of-{shard.Count}.csv");

    public async Task<BatchResult> RunAsync(IProgress<BatchProgress>? progress, CancellationToken cancellation)
    {
        options.Validate();
        var wall = Stopwatch.StartNew();
        string outDir = options.Analyze.OutputDirectory;
        var plan = BatchPlanner.Plan(options.Inputs, outDir);
        var mine = plan.Where((_, i) => options.Shard.Takes(i)).ToList();
        var todo = mine.Where(i => options.Force || !CompletionMarker.IsComplete(i.Paths, options.Analyze.Formats)).ToList();
        int skipped = mine.Count - todo.Count;
        long expectedFrames = todo.Sum(i => ProbeFrames(i.Input));

        var rows = new ConcurrentDictionary<BatchItem, IReadOnlyList<SummaryRow>>();
        var failures = new ConcurrentBag<(string, string)>();
        var queue = new ConcurrentQueue<BatchItem>(todo);
        int finished = skipped, framesDone = 0, framesAnalysed = 0, analysed = 0;

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
                    var result = await job.RunAsync(item.Input, item.Label, item.Paths, report, cancellation).ConfigureAwait(false);
                    rows[item] = SummaryRow.From(result, item.Label);
                    Interlocked.Add(ref framesAnalysed, result.FramesAnalysed);
                    Interlocked.Increment(ref analysed);
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
        return new BatchResult(ordered, analysed, skipped, [.. failures.OrderBy(f => f.Item1, StringComparer.Ordinal)], summaryPath, framesAnalysed, wall.Elapsed.TotalSeconds);
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
