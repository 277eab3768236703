namespace ValgusVision.App;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler on the reporting thread, in order. (The BCL's
/// <see cref="Progress{T}"/> posts to the thread pool, so reports can arrive late and out of order.)
/// </summary>
public sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
