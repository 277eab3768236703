namespace ValgusVision.Rendering.Overlay;

/// <summary>A rep's place in time, for marking it on timelines and charts.</summary>
public readonly record struct RepMarker(int Number, double StartSeconds, double BottomSeconds, double EndSeconds);
