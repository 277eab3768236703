using System.Diagnostics;

namespace ValgusVision.App;

/// <summary>
/// Milliseconds spent per pipeline stage over a whole pass. Each stage runs on one thread and owns its slot, so the
/// counters need no locks; they are read after the pass has joined its threads.
/// </summary>
public sealed class StageTimes
{
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    public Slot For(string stage)
    {
        if (!_slots.TryGetValue(stage, out var slot))
        {
            slot = new Slot(stage);
            _slots[stage] = slot;
        }

        return slot;
    }

    public IReadOnlyList<Slot> All => [.. _slots.Values];

    /// <summary>One stage's totals. Timing a frame is <c>long t = Slot.Start(); … slot.Stop(t)</c>: no allocation.</summary>
    public sealed class Slot(string name)
    {
        public string Name { get; } = name;

        public long Ticks { get; private set; }

        public int Frames { get; private set; }

        public double TotalMs => Ticks * 1000.0 / Stopwatch.Frequency;

        public double MeanMs => Frames == 0 ? 0 : TotalMs / Frames;

        public static long Start() => Stopwatch.GetTimestamp();

        public void Stop(long startTimestamp)
        {
            Ticks += Stopwatch.GetTimestamp() - startTimestamp;
            Frames++;
        }
    }
}
