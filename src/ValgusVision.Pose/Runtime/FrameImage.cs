using OpenCvSharp;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Runtime;

/// <summary>
/// An OpenCV header over a caller's frame pixels (no copy). The header and its input wrapper are reused while
/// frames keep the same buffer address and layout, the usual case for a video reader, so steady state allocates
/// nothing. The caller keeps the pixels pinned while the header is used.
/// </summary>
public sealed class FrameImage : IDisposable
{
    private nint _pointer;
    private int _width, _height, _stride;
    private PixelFormat _format;

    public Mat Mat { get; private set; } = new();

    public InputArray Input { get; private set; }

    public FrameImage() => Input = InputArray.Create(Mat);

    public void Attach(nint pointer, int width, int height, int strideBytes, PixelFormat format)
    {
        if (pointer == _pointer && width == _width && height == _height && strideBytes == _stride && format == _format)
        {
            return;
        }

        MatType type = format switch
        {
            PixelFormat.Bgr24 => MatType.CV_8UC3,
            PixelFormat.Bgra32 => MatType.CV_8UC4,
            PixelFormat.Gray8 => MatType.CV_8UC1,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown pixel format"),
        };

        Input.Dispose();
        Mat.Dispose();
        Mat = Mat.FromPixelData(height, width, type, pointer, strideBytes);
        Input = InputArray.Create(Mat);
        (_pointer, _width, _height, _stride, _format) = (pointer, width, height, strideBytes, format);
    }

    public void Dispose()
    {
        Input.Dispose();
        Mat.Dispose();
    }
}
