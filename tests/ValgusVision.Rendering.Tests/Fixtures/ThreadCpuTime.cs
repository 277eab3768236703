using System.Runtime.InteropServices;

namespace ValgusVision.Rendering.Tests.Fixtures;

/// <summary>
/// CPU time of the calling thread (Linux clock_gettime), for timing tests on a machine whose cores are shared:
/// wall time counts others' work, process time counts the test runner's other threads.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now
    {
        get
        {
            if (!OperatingSystem.IsLinux())
            {
                throw new PlatformNotSupportedException("thread CPU time is read with Linux's clock_gettime");
            }

            if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
            {
                throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
            }

            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
