using System.Globalization;

namespace ValgusVision.Video;

/// <summary>Opens the right <see cref="IFrameSource"/> for an input as the user typed it.</summary>
public static class FrameSources
{
    /// <summary>
    /// A number is a camera index, text with "://" a stream URL, a file with an image extension a still, any other
    /// file a video (so unusual extensions still get a chance with FFmpeg).
    /// </summary>
    public static IFrameSource Open(string input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        if (int.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            return new CameraSource(index);
        }

        if (input.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(input, UriKind.Absolute, out var url) && !url.IsFile)
        {
            return new CameraSource(url);
        }

        if (Directory.Exists(input))
        {
            throw new ArgumentException($"input '{input}': is a folder; expand it into its files first");
        }

        return MediaFileTypes.IsImage(input) ? new ImageFileSource(input) : new VideoFileSource(input);
    }
}
