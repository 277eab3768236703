using ValgusVision.Web.Live;

namespace ValgusVision.Web.Tests;

/// <summary>The one live slot, and the upload queue's wait for it: analyses start only while no live session runs.</summary>
public sealed class LiveEngineTests
{
    [Fact]
    public async Task TheQueuesWaitLastsExactlyAsLongAsALiveSession()
    {
        using var engine = new LiveEngine();
        Assert.True(engine.WhenIdleAsync(CancellationToken.None).IsCompleted);

        Assert.True(engine.TryBegin());
        Assert.False(engine.TryBegin()); // a second live session is refused
        var waiting = engine.WhenIdleAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        engine.End();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(engine.WhenIdleAsync(CancellationToken.None).IsCompleted);

        Assert.True(engine.TryBegin()); // the slot is free again, and the wait open again
        Assert.False(engine.WhenIdleAsync(CancellationToken.None).IsCompleted);
        engine.End();
    }

    [Fact]
    public async Task AServerStoppingDuringALiveSessionEndsTheWait()
    {
        using var engine = new LiveEngine();
        Assert.True(engine.TryBegin());
        using var stopping = new CancellationTokenSource();
        var waiting = engine.WhenIdleAsync(stopping.Token);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        engine.End();
    }

    [Fact]
    public void LiveSessionsRunWithoutFlipAveragingAndWithTheEvaluatedSetUp()
    {
        // On two cores the mirrored run would drop frames of a 30 fps camera (docs/speed.md), so live keeps it off.
        using var engine = new LiveEngine();
        Assert.False(engine.Options.Levers.FlipAveraging);
        Assert.True(App.ExpectedFppaAccuracy.IsEvaluated(engine.Options));
    }
}
