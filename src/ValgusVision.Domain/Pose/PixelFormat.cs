namespace ValgusVision.Domain.Pose;

/// <summary>Byte layouts a frame may arrive in. Colour order is OpenCV's (BGR).</summary>
public enum PixelFormat
{
    Bgr24,
    Bgra32,
    Gray8,
}
