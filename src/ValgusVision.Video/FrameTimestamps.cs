namespace ValgusVision.Video;

/// <summary>
/// Keeps a source's timestamps strictly increasing. Containers give real presentation times (so variable frame rate
/// survives), but some streams report 0 or repeat a time; the pose smoothers need time to move forward, so such a
/// frame gets the previous time plus one nominal frame interval, and the source warns once.
/// </summary>
public sealed class FrameTimestamps(double nominalFramesPerSecond)
{
    private readonly double _fallbackIntervalSeconds = nominalFramesPerSecond > 0 ? 1.0 / nominalFramesPerSecond : 1.0 / 30;
    private double _lastSeconds = double.NegativeInfinity;

    /// <summary>How many frames needed a synthesised time.</summary>
    public int RepairedCount { get; private set; }

    public double Next(double containerSeconds)
    {
        double t = containerSeconds;
        if (double.IsNaN(t) || t <= _lastSeconds)
        {
            t = double.IsNegativeInfinity(_lastSeconds) ? 0 : _lastSeconds + _fallbackIntervalSeconds;
            if (!double.IsNegativeInfinity(_lastSeconds) || double.IsNaN(containerSeconds))
            {
                RepairedCount++;
            }
        }

        _lastSeconds = t;
        return t;
    }
}
