using OpenCvSharp;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Video;

/// <summary>
/// The fallback when no ffmpeg is installed: OpenCV's bundled encoder, MPEG-4 Part 2 (<c>mp4v</c>), the only MP4
/// codec it has. Desktop players open it; browsers do not, which the description says.
/// </summary>
public sealed class OpenCvVideoEncoder : IVideoEncoder
{
    private readonly VideoWriter _writer;
    private readonly string _tempPath;
    private readonly int _width;
    private readonly int _height;
    private readonly PixelFormat _format;
    private readonly Mat _bgr;
    private bool _completed;

    public OpenCvVideoEncoder(string outputPath, int width, int height, double framesPerSecond, PixelFormat format)
    {
        OutputPath = outputPath;
        _tempPath = PartialFile.TempPathFor(outputPath);
        _width = width;
        _height = height;
        _format = format;
        _bgr = new Mat(height, width, MatType.CV_8UC3);
        // Lower-case "mp4v" is the MP4 muxer's own tag; OpenCV's FourCC.MP4V ("MP4V") makes it print a fallback notice
        // straight to stderr, past any log level.
        _writer = new VideoWriter(_tempPath, FourCC.FromString("mp4v"), framesPerSecond > 0 ? framesPerSecond : 30, new Size(width, height));
        if (!_writer.IsOpened())
        {
            _writer.Dispose();
            _bgr.Dispose();
            throw new IOException($"{outputPath}: OpenCV could not open an mp4v video writer");
        }

        Description = "MPEG-4 Part 2 (OpenCV mp4v; ffmpeg not found, so browsers will not play it)";
    }

    public string OutputPath { get; }

    public string Description { get; }

    public int FramesWritten { get; private set; }

    public unsafe void Write(ReadOnlySpan<byte> pixels, int strideBytes)
    {
        fixed (byte* p = pixels)
        {
            var type = _format switch
            {
                PixelFormat.Bgr24 => MatType.CV_8UC3,
                PixelFormat.Bgra32 => MatType.CV_8UC4,
                _ => MatType.CV_8UC1,
            };
            using var view = Mat.FromPixelData(_height, _width, type, (IntPtr)p, strideBytes);
            if (_format == PixelFormat.Bgr24)
            {
                _writer.Write(view);
            }
            else
            {
                Cv2.CvtColor(view, _bgr, _format == PixelFormat.Bgra32 ? ColorConversionCodes.BGRA2BGR : ColorConversionCodes.GRAY2BGR);
                _writer.Write(_bgr);
            }
        }

        FramesWritten++;
    }

    public void Complete()
    {
        _writer.Release();

        // OpenCV's writer reports no write errors (a full disk included): a file is kept only when it holds every
        // frame given, read back from the container's header.
        int frames = 0;
        using (var check = new VideoCapture(_tempPath, VideoCaptureAPIs.FFMPEG))
        {
            if (check.IsOpened())
            {
                frames = (int)Math.Round(check.Get(VideoCaptureProperties.FrameCount));
            }
        }

        if (frames < FramesWritten)
        {
            throw OutputFailure.For(OutputPath, _tempPath, $"OpenCV wrote {frames} of {FramesWritten} frames (is the disk full?)");
        }

        PartialFile.Commit(_tempPath, OutputPath);
        _completed = true;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _bgr.Dispose();
        if (!_completed)
        {
            PartialFile.Discard(_tempPath);
        }
    }
}
