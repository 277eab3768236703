namespace ValgusVision.Video;

/// <summary>
/// What a frame source knows about its input before the first frame. Width and height are those of the frames it
/// delivers, i.e. after the container's rotation metadata has been applied (a portrait phone video is taller than
/// wide here even though its stream is stored landscape).
/// </summary>
/// <param name="Name">The input as the user named it (path, camera index or URL).</param>
/// <param name="FramesPerSecond">The container's nominal rate; 0 for a still image. Timestamps, not this, drive time.</param>
/// <param name="FrameCount">The container's frame count, when it states one (a camera has none).</param>
/// <param name="RotationDegrees">Clockwise rotation (0, 90, 180, 270) the container asks players to apply; already applied to the frames.</param>
/// <param name="Codec">The stream's codec as a FourCC string, when known.</param>
public sealed record SourceInfo(
    string Name,
    SourceKind Kind,
    int Width,
    int Height,
    double FramesPerSecond,
    int? FrameCount,
    int RotationDegrees,
    string? Codec)
{
    /// <summary>Duration from the nominal rate and count, when both are known.</summary>
    public double? NominalDurationSeconds =>
        FrameCount is { } n && FramesPerSecond > 0 ? n / FramesPerSecond : null;
}
