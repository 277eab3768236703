using ValgusVision.App;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Web.Live;

/// <summary>
/// What live sessions share: the pose model, loaded once on the first live session and kept (one ONNX Runtime session
/// per model, reused: loading it costs more than a second), and the rule that one live session runs at a time (the
/// estimator is stateful and the cores are few; a second camera would only halve both sessions' frame rates).
/// </summary>
public sealed class LiveEngine : IDisposable
{
    private readonly object _load = new();
    private IPoseEstimator? _estimator;
    private DateTime? _runningSince;

    // Completed while no live session runs; replaced by an open one for the length of each live session.
    private TaskCompletionSource _idle = NewIdle(completed: true);

    /// <summary>
    /// The session options of every live session: the evaluated defaults as <c>valgus live</c> runs them (no flip
    /// averaging live, <see cref="PoseLevers.DefaultFlipAveraging"/>).
    /// </summary>
    public SessionOptions Options { get; } = SessionOptions.Default.ResolvedFor(live: true);

    /// <summary>When the running live session started (UTC); null when none runs.</summary>
    public DateTime? RunningSince
    {
        get
        {
            lock (_load)
            {
                return _runningSince;
            }
        }
    }

    /// <summary>Claims the one live slot; false when a live session already runs.</summary>
    public bool TryBegin()
    {
        lock (_load)
        {
            if (_runningSince is not null)
            {
                return false;
            }

            _runningSince = DateTime.UtcNow;
            _idle = NewIdle(completed: false);
            return true;
        }
    }

    public void End()
    {
        lock (_load)
        {
            _runningSince = null;
            _idle.TrySetResult();
        }
    }

    /// <summary>
    /// Completes when no live session runs. The upload queue waits on it before starting the next analysis: an
    /// analysis beside a live session took the cores the live answers need (median latency 74 → 127 ms, p95 117 →
    /// 377 ms measured); the one already running finishes, the rest wait for the camera to stop.
    /// </summary>
    public Task WhenIdleAsync(CancellationToken cancellation)
    {
        lock (_load)
        {
            return _idle.Task.WaitAsync(cancellation);
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            idle.SetResult();
        }

        return idle;
    }

    /// <summary>The shared estimator, loaded on first use; only the holder of the live slot calls it.</summary>
    public IPoseEstimator Estimator()
    {
        lock (_load)
        {
            return _estimator ??= SessionPipeline.CreateEstimator(Options, stillImage: false, live: true);
        }
    }

    public void Dispose()
    {
        lock (_load)
        {
            _estimator?.Dispose();
            _estimator = null;
        }
    }
}
