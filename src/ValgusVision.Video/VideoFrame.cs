using System.Runtime.InteropServices;
using OpenCvSharp;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Video;

/// <summary>
/// A reusable BGR frame buffer: sources decode into it, consumers read it. The pixels live in a pinned managed
/// array wrapped by an OpenCV <see cref="Mat"/>, so the same bytes can be handed to OpenCV, to the pose estimator
/// (as <see cref="ImageFrame"/>) and to an encoder without a copy. Buffers are recycled by the pipeline: a caller that
/// wants to keep pixels must copy them.
/// </summary>
public sealed class VideoFrame : IDisposable
{
    private byte[] _pixels = [];
    private Mat _image = new();

    /// <summary>The frame's position in its source (0-based, counting delivered frames).</summary>
    public int Index { get; set; }

    /// <summary>The frame's presentation time from the container (or the capture clock for cameras).</summary>
    public double TimestampSeconds { get; set; }

    public int Width => _image.Cols;

    public int Height => _image.Rows;

    public int StrideBytes => Width * 3;

    /// <summary>The pixels as an 8-bit, 3-channel BGR <see cref="Mat"/> over this buffer's memory.</summary>
    public Mat Image => _image;

    public Memory<byte> Pixels => _pixels.AsMemory(0, Height * StrideBytes);

    /// <summary>Makes the buffer <paramref name="width"/>×<paramref name="height"/>; reallocates only when the size grows or changes.</summary>
    public void EnsureSize(int width, int height)
    {
        if (width == Width && height == Height)
        {
            return;
        }

        int bytes = checked(width * height * 3);
        if (_pixels.Length < bytes)
        {
            _pixels = GC.AllocateUninitializedArray<byte>(bytes, pinned: true);
        }

        _image.Dispose();
        _image = Mat.FromPixelData(height, width, MatType.CV_8UC3, Marshal.UnsafeAddrOfPinnedArrayElement(_pixels, 0));
    }

    /// <summary>
    /// Decodes the next frame of <paramref name="capture"/> into this buffer. OpenCV writes straight into a destination
    /// of the right size and type; when the stream's size differs it allocates its own, and the pixels are copied back
    /// into a resized pinned buffer so every consumer keeps seeing one memory block.
    /// </summary>
    public bool ReadFrom(VideoCapture capture, int expectedWidth, int expectedHeight)
    {
        if (expectedWidth > 0 && expectedHeight > 0)
        {
            EnsureSize(expectedWidth, expectedHeight);
        }

        if (!capture.Read(_image) || _image.Empty())
        {
            return false;
        }

        if (!OwnsImageData())
        {
            using var decoded = _image;
            _image = new Mat();
            CopyFrom(decoded);
        }

        return true;
    }

    /// <summary>Copies <paramref name="source"/> (8-bit BGR, BGRA or grey) into this buffer as BGR.</summary>
    public void CopyFrom(Mat source)
    {
        EnsureSize(source.Cols, source.Rows);
        int channels = source.Channels();
        if (source.Depth() != MatType.CV_8U || channels is not (1 or 3 or 4))
        {
            throw new InvalidDataException($"unsupported pixel layout {source.Type()}: expected 8-bit grey, BGR or BGRA");
        }

        if (channels == 3)
        {
            source.CopyTo(_image);
        }
        else
        {
            Cv2.CvtColor(source, _image, channels == 1 ? ColorConversionCodes.GRAY2BGR : ColorConversionCodes.BGRA2BGR);
        }
    }

    private bool OwnsImageData() =>
        _pixels.Length > 0 && _image.Data == Marshal.UnsafeAddrOfPinnedArrayElement(_pixels, 0) && _image.Type() == MatType.CV_8UC3;

    /// <summary>A view for <see cref="IPoseEstimator.Estimate"/>; valid until this buffer is refilled.</summary>
    public ImageFrame AsImageFrame() =>
        new(Pixels, Width, Height, StrideBytes, PixelFormat.Bgr24, TimestampSeconds);

    public void Dispose() => _image.Dispose();
}
