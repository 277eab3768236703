namespace ValgusVision.Live.Session;

/// <summary>
/// Capture→display latency and display rate of a live session. Keeps every latency sample in a preallocated array
/// (a session of an hour at 30 fps is about 100 000 doubles), so adding one allocates nothing until it grows.
/// </summary>
public sealed class LatencyStats
{
    private double[] _latenciesMs = new double[4096];
    private double _firstSeconds = double.NaN, _lastSeconds;
    private double _recentFps;
    private double _previousSeconds = double.NaN;

    public int Count { get; private set; }

    /// <summary>Exponentially smoothed display rate for the screen (time constant about 1 s at 30 fps).</summary>
    public double RecentFps => _recentFps;

    public double LastLatencyMs { get; private set; }

    /// <summary>Adds one displayed frame: its latency and the wall time it was shown.</summary>
    public void Add(double latencyMs, double shownAtSeconds)
    {
        if (Count == _latenciesMs.Length)
        {
            Array.Resize(ref _latenciesMs, _latenciesMs.Length * 2);
        }

        _latenciesMs[Count++] = latencyMs;
        LastLatencyMs = latencyMs;
        if (double.IsNaN(_firstSeconds))
        {
            _firstSeconds = shownAtSeconds;
        }

        _lastSeconds = shownAtSeconds;
        if (!double.IsNaN(_previousSeconds) && shownAtSeconds > _previousSeconds)
        {
            double fps = 1.0 / (shownAtSeconds - _previousSeconds);
            _recentFps = _recentFps == 0 ? fps : _recentFps + ((fps - _recentFps) / 30.0);
        }

        _previousSeconds = shownAtSeconds;
    }

    /// <summary>Frames shown per second over the whole session.</summary>
    public double MeanFps => Count > 1 && _lastSeconds > _firstSeconds ? (Count - 1) / (_lastSeconds - _firstSeconds) : 0;

    public double MeanLatencyMs
    {
        get
        {
            double sum = 0;
            for (int i = 0; i < Count; i++)
            {
                sum += _latenciesMs[i];
            }

            return Count > 0 ? sum / Count : 0;
        }
    }

    /// <summary>The latency below which <paramref name="fraction"/> of frames fall (nearest rank).</summary>
    public double PercentileMs(double fraction)
    {
        if (Count == 0)
        {
            return 0;
        }

        var sorted = _latenciesMs.AsSpan(0, Count).ToArray();
        Array.Sort(sorted);
        int rank = (int)Math.Ceiling(fraction * Count) - 1;
        return sorted[Math.Clamp(rank, 0, Count - 1)];
    }

    /// <summary>"30.0 fps, latency mean 41 ms, median 40 ms, 95 % 52 ms (150 frames)".</summary>
    public string Describe() =>
        $"{MeanFps:0.0} fps, capture→display latency mean {MeanLatencyMs:0} ms, median {PercentileMs(0.5):0} ms, 95 % {PercentileMs(0.95):0} ms, max {PercentileMs(1):0} ms ({Count} frames)";
}
