namespace ValgusVision.App;

/// <summary>The part of a video to analyse (<c>--start</c>/<c>--end</c>, seconds of video time); null = open end.</summary>
public readonly record struct TimeRange(double? StartSeconds, double? EndSeconds)
{
    public static TimeRange All => default;

    public bool IsBefore(double timeSeconds) => StartSeconds is { } s && timeSeconds < s - 1e-6;

    public bool IsAfter(double timeSeconds) => EndSeconds is { } e && timeSeconds > e + 1e-6;

    public void Validate()
    {
        if (StartSeconds is < 0 || EndSeconds is < 0)
        {
            throw new ArgumentException("--start and --end must not be negative");
        }

        if (StartSeconds is { } s && EndSeconds is { } e && e <= s)
        {
            throw new ArgumentException($"--end ({e:0.###} s) must be after --start ({s:0.###} s)");
        }
    }
}
