namespace ValgusVision.Domain.Pose;

/// <summary>
/// A frame handed to a pose estimator: pixels (borrowed, not copied: valid only during the call),
/// their layout, and the frame's real timestamp (video time or capture clock), which smoothing uses.
/// </summary>
public readonly record struct ImageFrame(
    ReadOnlyMemory<byte> Pixels,
    int Width,
    int Height,
    int StrideBytes,
    PixelFormat Format,
    double TimestampSeconds)
{
    public int BytesPerPixel => Format switch
    {
        PixelFormat.Bgr24 => 3,
        PixelFormat.Bgra32 => 4,
        PixelFormat.Gray8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(Format), Format, "unknown pixel format"),
    };
}
