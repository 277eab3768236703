namespace ValgusVision.Rendering.Overlay;

/// <summary>A stretch of video time, in seconds from the start of the analysed range.</summary>
public readonly record struct TimeInterval(double StartSeconds, double EndSeconds)
{
    public bool Contains(double timeSeconds) => timeSeconds >= StartSeconds && timeSeconds <= EndSeconds;
}
