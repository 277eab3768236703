namespace ValgusVision.App;

/// <summary><c>valgus batch</c>: which inputs, how many at once, which shard, whether finished inputs are redone.</summary>
public sealed record BatchOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The analysis options; <see cref="AnalyzeOptions.OutputDirectory"/> is the batch's root output folder.</summary>
    public required AnalyzeOptions Analyze { get; init; }

    /// <summary>Inputs analysed in parallel. 1 by default: the pose engine already uses both cores of a small machine.</summary>
    public int Jobs { get; init; } = 1;

    public ShardSpec Shard { get; init; } = ShardSpec.Whole;

    /// <summary>Redo inputs whose outputs are complete.</summary>
    public bool Force { get; init; }

    public void Validate()
    {
        Analyze.Validate();
        if (Jobs is < 1 or > 64)
        {
            throw new ArgumentException($"--jobs: {Jobs} is not between 1 and 64");
        }

        if (Inputs.Count == 0)
        {
            throw new ArgumentException("batch: name a folder or a pattern of videos");
        }
    }
}
