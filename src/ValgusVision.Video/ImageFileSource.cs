using OpenCvSharp;

namespace ValgusVision.Video;

/// <summary>
/// A still image as a one-frame source at time 0. OpenCV's imread applies the EXIF orientation of phone photos,
/// so the frame is upright like the video sources'.
/// </summary>
public sealed class ImageFileSource : IFrameSource
{
    private Mat? _image;

    public ImageFileSource(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"input '{path}': file not found", path);
        }

        _image = Cv2.ImRead(path, ImreadModes.Color);
        if (_image.Empty())
        {
            _image.Dispose();
            throw new InvalidDataException($"input '{path}': not an image this tool can read");
        }

        Info = new SourceInfo(path, SourceKind.Image, _image.Cols, _image.Rows, 0, 1, 0, null);
    }

    public SourceInfo Info { get; }

    public IReadOnlyList<string> Warnings => [];

    public bool EndedEarly => false;

    public int FramesRead { get; private set; }

    public bool TryRead(VideoFrame frame)
    {
        if (FramesRead > 0 || _image is null)
        {
            return false;
        }

        frame.CopyFrom(_image);
        frame.Index = 0;
        frame.TimestampSeconds = 0;
        FramesRead = 1;
        return true;
    }

    public void Dispose()
    {
        _image?.Dispose();
        _image = null;
    }
}
