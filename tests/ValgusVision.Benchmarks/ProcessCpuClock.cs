using System.Runtime.InteropServices;

namespace ValgusVision.Benchmarks;

/// <summary>
/// CPU time used by all of this process's threads, in nanoseconds (clock_gettime CLOCK_PROCESS_CPUTIME_ID).
/// Process.TotalProcessorTime counts in 10 ms ticks on Linux, too coarse for one inference.
/// </summary>
internal static partial class ProcessCpuClock
{
    private const int ClockProcessCpuTimeId = 2;

    public static double Milliseconds()
    {
        if (ClockGetTime(ClockProcessCpuTimeId, out TimeSpec t) != 0)
        {
            return double.NaN;
        }

        return (t.Seconds * 1e3) + (t.Nanoseconds / 1e6);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
