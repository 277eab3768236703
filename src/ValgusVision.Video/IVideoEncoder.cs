namespace ValgusVision.Video;

/// <summary>
/// Encodes frames into a video file. Frames go to a temporary file next to <see cref="OutputPath"/>, which appears
/// only when <see cref="Complete"/> succeeds: disposing an encoder that was not completed (an error, Ctrl+C) removes
/// the partial file, so a file at <see cref="OutputPath"/> is always a whole video.
/// </summary>
public interface IVideoEncoder : IDisposable
{
    string OutputPath { get; }

    /// <summary>What writes the file, in words for reports ("H.264 via ffmpeg/libx264", …).</summary>
    string Description { get; }

    int FramesWritten { get; }

    /// <summary>Appends one frame of the size and pixel format given at creation.</summary>
    void Write(ReadOnlySpan<byte> pixels, int strideBytes);

    /// <summary>Finishes the file and moves it to <see cref="OutputPath"/>.</summary>
    void Complete();
}
