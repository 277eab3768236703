using OpenCvSharp;

namespace ValgusVision.Video.Tests;

public sealed class VideoFileSourceTests : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Testdata_video_reports_size_rate_count_and_container_timestamps()
    {
        using var source = new VideoFileSource(TestPaths.Video("soccer-3people-5frames.mp4"));
        Assert.Equal(SourceKind.VideoFile, source.Info.Kind);
        Assert.Equal(5, source.Info.FrameCount);
        Assert.True(source.Info.Width > 0 && source.Info.Height > 0);
        Assert.True(source.Info.FramesPerSecond > 0);
        var times = ReadAllTimes(source, out var size);
        Assert.Equal(5, times.Count);
        Assert.Equal(new Size(source.Info.Width, source.Info.Height), size);
        for (int i = 0; i < times.Count; i++)
        {
            Assert.Equal(i / source.Info.FramesPerSecond, times[i], 3);
        }

        Assert.Empty(source.Warnings);
        Assert.False(source.EndedEarly);
    }

    [Fact]
    public void Rotated_phone_clip_arrives_upright_as_ffmpeg_shows_it()
    {
        string path = Clips.Rotated(_dir);
        string reference = _dir.File("upright.png");
        ScratchFolder.Ffmpeg("-i", path, "-frames:v", "1", reference); // ffmpeg applies the display rotation itself
        using var expected = Cv2.ImRead(reference);

        using var source = new VideoFileSource(path);
        using var frame = new VideoFrame();
        Assert.True(source.TryRead(frame));

        Assert.Equal((180, 320), (source.Info.Width, source.Info.Height));
        Assert.Equal((180, 320), (frame.Width, frame.Height));
        Assert.Contains(source.Info.RotationDegrees, new[] { 90, 270 });
        using var diff = new Mat();
        Cv2.Absdiff(frame.Image, expected, diff);
        Assert.True(Cv2.Mean(diff).Val0 < 3, $"mean difference {Cv2.Mean(diff).Val0} from ffmpeg's upright frame");
    }

    [Fact]
    public void Variable_frame_rate_keeps_the_gap_in_timestamps()
    {
        using var source = new VideoFileSource(Clips.VariableFrameRate(_dir));
        var times = ReadAllTimes(source, out _);
        Assert.Equal(10, times.Count);
        Assert.Equal(4 / 30.0, times[4], 3);
        Assert.Equal(10 / 30.0, times[5], 3); // index × nominal rate would say 5/30 or 5/20
        Assert.Equal(14 / 30.0, times[9], 3);
    }

    [Fact]
    public void Truncated_video_is_read_up_to_its_readable_part_with_a_warning()
    {
        string whole = Clips.Plain(_dir, frames: 90);
        string cut = _dir.File("cut.mp4");
        byte[] bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        using var source = new VideoFileSource(cut);
        var times = ReadAllTimes(source, out _);
        Assert.InRange(times.Count, 1, 80);
        Assert.True(source.EndedEarly);
        Assert.Contains(source.Warnings, w => w.Contains("truncated or corrupt", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_file_names_the_input()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new VideoFileSource(_dir.File("nope.mp4")));
        Assert.Contains("nope.mp4", e.Message, StringComparison.Ordinal);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_file_is_not_a_video()
    {
        string path = _dir.File("notes.mp4");
        File.WriteAllText(path, "these are notes, not a video\n");
        var e = Assert.Throws<InvalidDataException>(() => new VideoFileSource(path));
        Assert.Contains("notes.mp4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Audio_only_file_has_no_frames_to_analyse()
    {
        string path = _dir.File("sound.mp4");
        ScratchFolder.Ffmpeg("-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "0.5", "-c:a", "aac", path);
        var e = Assert.ThrowsAny<InvalidDataException>(() =>
        {
            using var source = new VideoFileSource(path);
            using var frame = new VideoFrame();
            source.TryRead(frame);
        });
        Assert.Contains("sound.mp4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoded_pixels_live_in_the_frames_own_buffer()
    {
        using var source = new VideoFileSource(TestPaths.Video("mmpose-demo-5frames.mp4"));
        using var frame = new VideoFrame();
        Assert.True(source.TryRead(frame));
        var image = frame.AsImageFrame();
        Assert.Equal(frame.Width * 3, image.StrideBytes);
        Assert.Equal(frame.Height * image.StrideBytes, image.Pixels.Length);
        var px = frame.Image.At<Vec3b>(frame.Height / 2, frame.Width / 3);
        int offset = (frame.Height / 2 * image.StrideBytes) + (frame.Width / 3 * 3);
        Assert.Equal(px.Item0, image.Pixels.Span[offset]);
        Assert.Equal(px.Item2, image.Pixels.Span[offset + 2]);
    }

    private static List<double> ReadAllTimes(IFrameSource source, out Size size)
    {
        var times = new List<double>();
        using var frame = new VideoFrame();
        size = default;
        while (source.TryRead(frame))
        {
            Assert.Equal(times.Count, frame.Index);
            times.Add(frame.TimestampSeconds);
            size = new Size(frame.Width, frame.Height);
        }

        return times;
    }
}
