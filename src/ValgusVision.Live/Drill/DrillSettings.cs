namespace ValgusVision.Live.Drill;

/// <summary>
/// Settings of the knee position-sense drill, each with its reason. Depths are the domain's (mid-hip drop in % of leg
/// length, docs/metrics.md "Depth and reps").
/// </summary>
public sealed record DrillSettings
{
    public static DrillSettings Default { get; } = new();

    /// <summary>Trials per leg. Five, as the issue prescribes: enough for a mean and a trend, short enough to stay fresh.</summary>
    public int TrialsPerSide { get; init; } = 5;

    /// <summary>
    /// A hold must be at least this deep. Same as the analysis' minimum rep depth (10 % of leg length): shallower is a
    /// balance correction, not a squat whose knee position means anything.
    /// </summary>
    public double MinHoldDepthPct { get; init; } = 10.0;

    /// <summary>
    /// Depth may wander this much (max − min over <see cref="HoldWindowSeconds"/>) and still count as still. Our choice:
    /// about twice the mid-hip jitter of a person standing on one leg (1–2 % of leg length).
    /// </summary>
    public double HoldToleranceDepthPct { get; init; } = 3.0;

    /// <summary>Depth must stay within the tolerance this long before the hold starts (our choice: half a second is a deliberate stop).</summary>
    public double HoldWindowSeconds { get; init; } = 0.5;

    /// <summary>Once holding, leaving the hold depth by more than this breaks the hold (our choice, wider than the entry tolerance).</summary>
    public double HoldBreakDepthPct { get; init; } = 5.0;

    /// <summary>Feedback stays hidden this long into the hold, then the true FPPA is revealed (the 2 s).</summary>
    public double RevealDelaySeconds { get; init; } = 2.0;

    /// <summary>Squatting starts when depth passes this; also the rep-start depth of the analysis (5 %).</summary>
    public double SquatStartDepthPct { get; init; } = 5.0;

    /// <summary>Standing again (the trial is over) when depth falls below this; the analysis' rep-end depth (3 %).</summary>
    public double StandDepthPct { get; init; } = 3.0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that makes no sense.</summary>
    public void Validate()
    {
        Require(TrialsPerSide is >= 1 and <= 100, nameof(TrialsPerSide), "must be between 1 and 100");
        Require(StandDepthPct < SquatStartDepthPct, nameof(StandDepthPct), "must be below SquatStartDepthPct");
        Require(MinHoldDepthPct >= SquatStartDepthPct, nameof(MinHoldDepthPct), "must be at least SquatStartDepthPct");
        Require(HoldToleranceDepthPct > 0, nameof(HoldToleranceDepthPct), "must be positive");
        Require(HoldBreakDepthPct >= HoldToleranceDepthPct, nameof(HoldBreakDepthPct), "must be at least HoldToleranceDepthPct");
        Require(HoldWindowSeconds is > 0 and <= 10, nameof(HoldWindowSeconds), "must be between 0 and 10 seconds");
        Require(RevealDelaySeconds is >= 0 and <= 60, nameof(RevealDelaySeconds), "must be between 0 and 60 seconds");
    }

    private static void Require(bool ok, string name, string problem)
    {
        if (!ok)
        {
            throw new ArgumentException($"drill setting {name} {problem}", name);
        }
    }
}
