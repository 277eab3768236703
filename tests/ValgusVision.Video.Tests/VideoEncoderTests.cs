using OpenCvSharp;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Video.Tests;

public sealed class VideoEncoderTests : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Ffmpeg_writes_browser_playable_h264_with_every_frame()
    {
        string path = _dir.File("out.mp4");
        string? ffmpeg = VideoEncoders.FindFfmpeg();
        Assert.NotNull(ffmpeg);
        using (var encoder = VideoEncoders.Create(path, 321, 181, 25, PixelFormat.Bgra32, ffmpeg))
        {
            WriteGradientFrames(encoder, 321, 181, 4, 12);
            encoder.Complete();
        }

        string probe = ScratchFolder.Ffprobe("-count_frames", "-show_entries", "stream=codec_name,pix_fmt,nb_read_frames,r_frame_rate", "-of", "compact", path);
        Assert.Contains("codec_name=h264", probe, StringComparison.Ordinal);
        Assert.Contains("pix_fmt=yuv420p", probe, StringComparison.Ordinal);
        Assert.Contains("nb_read_frames=12", probe, StringComparison.Ordinal);
        Assert.Contains("r_frame_rate=25/1", probe, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.Path, ".*partial*"));
    }

    [Fact]
    public void Without_ffmpeg_opencv_mp4v_is_used_and_says_so()
    {
        string path = _dir.File("fallback.mp4");
        using (var encoder = VideoEncoders.Create(path, 320, 180, 30, PixelFormat.Bgr24, ffmpegPath: null))
        {
            Assert.Contains("ffmpeg not found", encoder.Description, StringComparison.Ordinal);
            WriteGradientFrames(encoder, 320, 180, 3, 6);
            encoder.Complete();
        }

        using var capture = new VideoCapture(path);
        Assert.Equal(6, (int)capture.Get(VideoCaptureProperties.FrameCount));
    }

    [Fact]
    public void Unfinished_video_leaves_no_file_behind()
    {
        string path = _dir.File("aborted.mp4");
        using (var encoder = VideoEncoders.Create(path, 320, 180, 30, PixelFormat.Bgr24, VideoEncoders.FindFfmpeg()))
        {
            WriteGradientFrames(encoder, 320, 180, 3, 3);
        }

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Missing_output_folder_is_named()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() =>
            VideoEncoders.Create(_dir.File("no/such/folder/out.mp4"), 320, 180, 30, PixelFormat.Bgr24, null));
        Assert.Contains("out.mp4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reencoded_frames_look_like_the_input()
    {
        string path = _dir.File("roundtrip.mp4");
        using (var source = new VideoFileSource(TestPaths.Video("mmpose-demo-5frames.mp4")))
        using (var encoder = VideoEncoders.Create(path, source.Info.Width, source.Info.Height, source.Info.FramesPerSecond, PixelFormat.Bgr24, VideoEncoders.FindFfmpeg()))
        using (var frame = new VideoFrame())
        {
            while (source.TryRead(frame))
            {
                encoder.Write(frame.Pixels.Span, frame.StrideBytes);
            }

            encoder.Complete();
        }

        using var original = new VideoFileSource(TestPaths.Video("mmpose-demo-5frames.mp4"));
        using var copy = new VideoFileSource(path);
        Assert.Equal(original.Info.FrameCount, copy.Info.FrameCount);
        using var a = new VideoFrame();
        using var b = new VideoFrame();
        while (original.TryRead(a))
        {
            Assert.True(copy.TryRead(b));
            Assert.Equal(a.TimestampSeconds, b.TimestampSeconds, 3);
            using var diff = new Mat();
            Cv2.Absdiff(a.Image, b.Image, diff);
            Assert.True(Cv2.Mean(diff).Val1 < 6, $"frame {a.Index} differs by {Cv2.Mean(diff).Val1} on average");
        }
    }

    private static void WriteGradientFrames(IVideoEncoder encoder, int width, int height, int bytesPerPixel, int count)
    {
        int stride = width * bytesPerPixel;
        var pixels = new byte[stride * height];
        for (int f = 0; f < count; f++)
        {
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < stride; x++)
                {
                    pixels[(y * stride) + x] = (byte)(x + y + (f * 10));
                }
            }

            encoder.Write(pixels, stride);
        }

        Assert.Equal(count, encoder.FramesWritten);
    }
}
