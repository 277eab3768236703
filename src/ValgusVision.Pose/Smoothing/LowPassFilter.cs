namespace ValgusVision.Pose.Smoothing;

/// <summary>
/// MediaPipe's exponential low-pass filter (mp/util/filtering/low_pass_filter.cc): the first sample passes
/// through, then s = α·v + (1 − α)·s. It stores floats, as MediaPipe does.
/// </summary>
public sealed class LowPassFilter
{
    private float _alpha;
    private float _stored;
    private float _raw;

    public LowPassFilter(float alpha = 1f) => _alpha = alpha;

    public bool HasLastRawValue { get; private set; }

    public float LastRawValue => _raw;

    public float Apply(float value)
    {
        float result = HasLastRawValue ? (float)(_alpha * value + (1.0 - _alpha) * _stored) : value;
        HasLastRawValue = true;
        _raw = value;
        _stored = result;
        return result;
    }

    public float ApplyWithAlpha(float value, float alpha)
    {
        // MediaPipe logs and keeps the old alpha when the new one is outside [0, 1].
        if (alpha >= 0f && alpha <= 1f)
        {
            _alpha = alpha;
        }

        return Apply(value);
    }

    public void Reset()
    {
        HasLastRawValue = false;
        _stored = 0;
        _raw = 0;
    }
}
