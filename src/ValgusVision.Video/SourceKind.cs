namespace ValgusVision.Video;

/// <summary>Where frames come from; decides whether a frame count, a duration and real-time pacing exist.</summary>
public enum SourceKind
{
    VideoFile,
    Image,
    Camera,
}
