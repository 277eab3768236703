using ValgusVision.Live.Drill;

namespace ValgusVision.Live.Tests;

/// <summary>Builds synthetic drill input at 30 fps: stand, go down, hold, come up — depth in % of leg length.</summary>
internal sealed class SquatScript
{
    public const double FrameSeconds = 1.0 / 30;
    private readonly List<DrillSample> _samples = [];
    private double _time;
    private double _depth;

    public IReadOnlyList<DrillSample> Samples => _samples;

    public double Time => _time;

    public SquatScript Stand(double seconds) => Ramp(0, seconds, _ => 0.0);

    public SquatScript Down(double toDepthPct, double seconds, double fppaDeg = 0) => Ramp(toDepthPct, seconds, _ => fppaDeg);

    /// <summary>Holds at the current depth, with ±<paramref name="jitterPct"/> alternating jitter and FPPA from <paramref name="fppa"/> per frame number.</summary>
    public SquatScript Hold(double seconds, Func<int, double?> fppa, double jitterPct = 0.5)
    {
        double at = _depth;
        int frames = (int)Math.Round(seconds / FrameSeconds);
        for (int i = 0; i < frames; i++)
        {
            Add(at + (i % 2 == 0 ? jitterPct : -jitterPct), fppa(i));
        }

        _depth = at;
        return this;
    }

    public SquatScript Up(double seconds) => Ramp(0, seconds, _ => 0.0);

    /// <summary>A whole trial: stand, 1 s down to 20 %, hold with a constant FPPA, 1 s up, stand.</summary>
    public SquatScript Trial(double fppaDeg, double holdSeconds = 3.0) =>
        Stand(0.5).Down(20, 1.0, fppaDeg).Hold(holdSeconds, _ => fppaDeg).Up(1.0).Stand(0.5);

    public void Add(double depthPct, double? fppaDeg)
    {
        _samples.Add(new DrillSample(_time, depthPct, fppaDeg));
        _time += FrameSeconds;
    }

    private SquatScript Ramp(double to, double seconds, Func<int, double?> fppa)
    {
        int frames = Math.Max(1, (int)Math.Round(seconds / FrameSeconds));
        double from = _depth;
        for (int i = 1; i <= frames; i++)
        {
            Add(from + ((to - from) * i / frames), fppa(i));
        }

        _depth = to;
        return this;
    }
}
