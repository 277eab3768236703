namespace ValgusVision.Pose;

/// <summary>The three BlazePose landmark models (MediaPipe's model_complexity 0, 1, 2). The detector is shared.</summary>
public enum PoseModelKind
{
    Lite = 0,
    Full = 1,
    Heavy = 2,
}
