using System.Globalization;

namespace ValgusVision.App;

/// <summary>
/// <c>--shard i/N</c>: this machine takes every N-th input of the sorted list, starting at the 0-based index i
/// (Slurm: <c>--shard $SLURM_ARRAY_TASK_ID/N</c> with <c>--array=0-(N-1)</c>; Kubernetes indexed Jobs:
/// <c>$JOB_COMPLETION_INDEX/N</c>). Round-robin over a sorted list gives every shard a similar mix of inputs and the
/// same answer on every machine.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    public static ShardSpec Whole => new(0, 1);

    public bool IsWhole => Count == 1;

    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count < 1 || index >= count)
        {
            throw new ArgumentException($"--shard: '{text}' is not i/N with 0 ≤ i < N (e.g. 0/4 … 3/4)");
        }

        return new ShardSpec(index, count);
    }

    public bool Takes(int position) => position % Count == Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
