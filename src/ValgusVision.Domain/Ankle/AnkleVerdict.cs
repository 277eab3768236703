namespace ValgusVision.Domain.Ankle;

/// <summary>One side's result against the cut-off (<see cref="AnkleLungeSettings.RestrictedBelowDeg"/>).</summary>
public enum AnkleVerdict
{
    /// <summary>No attempt with the heel down could be measured.</summary>
    NotMeasured,

    /// <summary>Best attempt below the cut-off.</summary>
    Restricted,

    /// <summary>Best attempt at or above the cut-off.</summary>
    WithinNormal,
}

public static class AnkleVerdictNames
{
    /// <summary>CSV/JSON name: not-measured, restricted, within-normal.</summary>
    public static string ToName(this AnkleVerdict verdict) => verdict switch
    {
        AnkleVerdict.NotMeasured => "not-measured",
        AnkleVerdict.Restricted => "restricted",
        AnkleVerdict.WithinNormal => "within-normal",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "unknown verdict"),
    };
}
