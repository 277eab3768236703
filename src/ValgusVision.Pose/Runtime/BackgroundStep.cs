using System.Runtime.ExceptionServices;

namespace ValgusVision.Pose.Runtime;

/// <summary>
/// One fixed piece of work run on a dedicated thread each time it is started, while the caller does its own share:
/// flip averaging's mirrored crop and inference beside the plain ones, so the landmark stage uses a second core
/// instead of running the model twice in a row. Start, do the other work, Wait: the work's exception is rethrown
/// by Wait. No allocation per run (the thread, the work and the two signals are made once). One caller thread.
/// </summary>
public sealed class BackgroundStep : IDisposable
{
    private readonly Action _work;
    private readonly Thread _thread;
    private readonly SemaphoreSlim _go = new(0, 1);
    private readonly SemaphoreSlim _done = new(0, 1);
    private ExceptionDispatchInfo? _error;
    private bool _running;
    private volatile bool _stopping;

    public BackgroundStep(Action work, string name)
    {
        _work = work ?? throw new ArgumentNullException(nameof(work));
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Begins the work on the background thread.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        if (_running)
        {
            throw new InvalidOperationException("the background step is already running: Wait for it first");
        }

        _running = true;
        _go.Release();
    }

    /// <summary>Blocks until the work started last has finished; rethrows what it threw.</summary>
    public void Wait()
    {
        if (!_running)
        {
            return;
        }

        _done.Wait();
        _running = false;
        if (_error is { } error)
        {
            _error = null;
            error.Throw();
        }
    }

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        // A run still going finishes first: its work may read buffers the caller is about to free. Its error, if any,
        // belongs to a frame nobody waits for any more.
        if (_running)
        {
            _done.Wait();
            _running = false;
            _error = null;
        }

        _stopping = true;
        _go.Release();
        _thread.Join();
        _go.Dispose();
        _done.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            _go.Wait();
            if (_stopping)
            {
                return;
            }

            try
            {
                _work();
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
            }

            _done.Release();
        }
    }
}
