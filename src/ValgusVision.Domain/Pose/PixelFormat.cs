namespace ValgusVision.Domain.Pose;

/// <summary>Byte layouts a frame may arrive in. Colour bytes in blue, green, red order (as video decoders deliver them).</summary>
public enum PixelFormat
{
    Bgr24,
    Bgra32,
    Gray8,
}
