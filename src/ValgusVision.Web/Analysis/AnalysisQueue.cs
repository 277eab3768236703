using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ValgusVision.App;
using ValgusVision.Domain.Recording;
using ValgusVision.Web.Live;
using ValgusVision.Web.Storage;

namespace ValgusVision.Web.Analysis;

/// <summary>
/// Analyses queued sessions one at a time, in the order they came (the analysis already uses the cores it is given;
/// two at once on a small machine only share them). The database is the queue's memory: a session is Queued until a
/// worker takes it, Running while analysed, then Done or Failed with one line. At start everything still Queued or
/// Running (a crash, a kill) is queued again, its partial outputs removed first.
/// </summary>
public sealed partial class AnalysisQueue : BackgroundService
{
    private readonly Channel<long> _pending = Channel.CreateUnbounded<long>();
    private readonly ConcurrentDictionary<long, JobProgress> _progress = new();
    private readonly IClinicStore _store;
    private readonly DataFolder _data;
    private readonly IVideoAnalysis _analysis;
    private readonly ILogger<AnalysisQueue> _log;
    private readonly LiveEngine _live;

    public AnalysisQueue(IClinicStore store, DataFolder data, IVideoAnalysis analysis, LiveEngine live, ILogger<AnalysisQueue> log)
    {
        _store = store;
        _data = data;
        _analysis = analysis;
        _live = live;
        _log = log;
    }

    /// <summary>Sessions finished (done or failed) since start; tests and the log use it.</summary>
    public int Finished => _finished;

    private int _finished;

    public void Enqueue(long sessionId) => _pending.Writer.TryWrite(sessionId);

    /// <summary>Where a running session is; null when it is not running in this process.</summary>
    public JobProgress? ProgressOf(long sessionId) => _progress.TryGetValue(sessionId, out var p) ? p : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var left in await _store.ListByStateAsync([SessionState.Queued, SessionState.Running], stoppingToken))
        {
            Enqueue(left.Id);
        }

        await foreach (long id in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            // Analyses wait while a live session runs, so its answers keep the cores.
            await _live.WhenIdleAsync(stoppingToken);
            await RunOneAsync(id, stoppingToken);
        }
    }

    private async Task RunOneAsync(long id, CancellationToken stoppingToken)
    {
        var session = await _store.GetSessionAsync(id, stoppingToken);
        if (session is null || session.State is SessionState.Done or SessionState.Failed)
        {
            return; // deleted while queued, or queued twice
        }

        if (session.Source == SessionSource.Import)
        {
            await FinishInterruptedImportAsync(session, stoppingToken);
            return;
        }

        _data.ClearOutputs(session);
        await _store.SetStateAsync(id, SessionState.Running, null, stoppingToken);
        _log.LogInformation("session {Id}: analysing", id);
        var progress = new SyncProgress<JobProgress>(p => _progress[id] = p);
        try
        {
            // A live session's row was made with its first frame: that is when it was recorded. An upload's date is its container's.
            var recordedAt = session.Source == SessionSource.Live ? new RecordingTime(session.CreatedUtc, RecordingTimeSource.Live) : null;
            await _analysis.RunAsync(_data.Input(session), _data.Outputs(session), session.RequestedExercise, recordedAt, progress, stoppingToken);
            var metrics = ReportMetrics.ReadFile(_data.Outputs(session).ReportJson);
            await _store.CompleteAsync(id, metrics, stoppingToken);
            if (await _store.GetSessionAsync(id, stoppingToken) is null)
            {
                _data.DeleteSessionFiles(session); // deleted (or its client) while it was analysed
            }

            _log.LogInformation("session {Id}: done", id);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: left Running, so the next start queues it again.
            throw;
        }
        catch (Exception e)
        {
            // One line on the session for the clinician; the log gets the id and the kind of failure, not the content.
            string line = OneLine(e);
            await _store.SetStateAsync(id, SessionState.Failed, line, CancellationToken.None);
            if (await _store.GetSessionAsync(id, CancellationToken.None) is null)
            {
                _data.DeleteSessionFiles(session); // deleted (or its client) while it was analysed
            }
            else
            {
                _data.ClearOutputs(session);
            }
            _log.LogWarning("session {Id}: analysis failed ({Kind})", id, e.GetType().Name);
        }
        finally
        {
            _progress.TryRemove(id, out _);
            Interlocked.Increment(ref _finished);
        }
    }

    /// <summary>An import is written in one go; one that a crash interrupted is finished from its report, or failed.</summary>
    private async Task FinishInterruptedImportAsync(Session session, CancellationToken cancellation)
    {
        string report = _data.Outputs(session).ReportJson;
        try
        {
            await _store.CompleteAsync(session.Id, ReportMetrics.ReadFile(report), cancellation);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await _store.SetStateAsync(session.Id, SessionState.Failed, "the import was interrupted; import the report again", cancellation);
        }
    }

    /// <summary>The exception's first line, with the server's own folders taken out (they mean nothing to a clinician).</summary>
    internal string OneLine(Exception e)
    {
        string message = e.Message.Split('\n')[0].Replace(_data.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Trim();
        // "input 'clients/3/7/input.mp4': …" names a file the clinician never chose; the session page says which it is.
        message = InputPrefix().Replace(message, "");
        return e switch
        {
            OpenCvSharp.OpenCVException => "the video could not be decoded: " + message,
            _ => message.Length == 0 ? "the analysis failed" : message,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("^input '[^']*': ")]
    private static partial System.Text.RegularExpressions.Regex InputPrefix();
}
