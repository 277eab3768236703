using ValgusVision.Pose.Runtime;

namespace ValgusVision.Pose.Tests.Unit;

public class BackgroundStepTests
{
    [Fact]
    public void The_work_runs_on_another_thread_once_per_start()
    {
        int runs = 0;
        int caller = Environment.CurrentManagedThreadId;
        int worker = caller;
        using var step = new BackgroundStep(() => { runs++; worker = Environment.CurrentManagedThreadId; }, "test");
        for (int i = 0; i < 5; i++)
        {
            step.Start();
            step.Wait();
        }

        Assert.Equal(5, runs);
        Assert.NotEqual(caller, worker);
    }

    [Fact]
    public void Its_exception_reaches_the_caller_at_wait_and_the_next_run_works()
    {
        bool fail = true;
        using var step = new BackgroundStep(() => { if (fail) throw new InvalidOperationException("mirror run failed"); }, "test");
        step.Start();
        var e = Assert.Throws<InvalidOperationException>(step.Wait);
        Assert.Equal("mirror run failed", e.Message);

        fail = false;
        step.Start();
        step.Wait();
    }

    [Fact]
    public void Starting_twice_without_waiting_is_refused_and_waiting_without_a_start_returns()
    {
        using var gate = new ManualResetEventSlim();
        using var step = new BackgroundStep(gate.Wait, "test");
        step.Wait();
        step.Start();
        Assert.Throws<InvalidOperationException>(step.Start);
        gate.Set();
        step.Wait();
    }

    [Fact]
    public void Dispose_waits_for_a_running_step_and_then_refuses_starts()
    {
        int finished = 0;
        var step = new BackgroundStep(() => { Thread.Sleep(50); finished = 1; }, "test");
        step.Start();
        step.Dispose();
        Assert.Equal(1, Volatile.Read(ref finished));
        Assert.Throws<ObjectDisposedException>(step.Start);
        step.Dispose();
    }
}
