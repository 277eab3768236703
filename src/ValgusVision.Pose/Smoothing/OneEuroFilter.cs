namespace ValgusVision.Pose.Smoothing;

/// <summary>
/// MediaPipe's One-Euro filter (mp/util/filtering/one_euro_filter.cc) for one scalar: the frequency comes from the
/// real timestamps of every call after the first; the derivative uses the previous raw value scaled by
/// value_scale; maths in double, state in float LPFs. A timestamp not newer than the last returns the raw value
/// and leaves the state alone. Unlike the published builds, the first sample is smoothed state whatever its
/// timestamp (MediaPipe's last_time_ = 0 sentinel makes a first frame at t = 0 "not newer").
/// </summary>
public sealed class OneEuroFilter
{
    private readonly OneEuroFilterSettings _settings;
    private readonly LowPassFilter _x = new();
    private readonly LowPassFilter _dx = new();
    private double _frequency = OneEuroFilterSettings.InitialFrequency;
    private long _lastTimeNs;
    private bool _hasTime;

    public OneEuroFilter(OneEuroFilterSettings settings) => _settings = settings;

    public float Apply(long timestampNs, double valueScale, float value)
    {
        if (_hasTime && _lastTimeNs >= timestampNs)
        {
            return value;
        }

        if (_hasTime)
        {
            _frequency = 1.0 / ((timestampNs - _lastTimeNs) * 1e-9);
        }

        _lastTimeNs = timestampNs;
        _hasTime = true;

        double dvalue = _x.HasLastRawValue ? ((double)value - _x.LastRawValue) * valueScale * _frequency : 0.0;
        double edvalue = _dx.ApplyWithAlpha((float)dvalue, Alpha(_settings.DerivateCutoff));
        double cutoff = _settings.MinCutoff + _settings.Beta * Math.Abs(edvalue);
        return _x.ApplyWithAlpha(value, Alpha(cutoff));
    }

    public void Reset()
    {
        _x.Reset();
        _dx.Reset();
        _frequency = OneEuroFilterSettings.InitialFrequency;
        _lastTimeNs = 0;
        _hasTime = false;
    }

    private float Alpha(double cutoff)
    {
        double te = 1.0 / _frequency;
        double tau = 1.0 / (2 * Math.PI * cutoff);
        return (float)(1.0 / (1.0 + tau / te));
    }
}
