namespace ValgusVision.Video.Tests;

public sealed class ImageAndInputTests : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Still_image_is_one_frame_at_time_zero()
    {
        using var source = FrameSources.Open(TestPaths.Image("coco/000000000785.jpg"));
        Assert.Equal(SourceKind.Image, source.Info.Kind);
        using var frame = new VideoFrame();
        Assert.True(source.TryRead(frame));
        Assert.Equal((source.Info.Width, source.Info.Height), (frame.Width, frame.Height));
        Assert.Equal(0, frame.TimestampSeconds);
        Assert.False(source.TryRead(frame));
    }

    [Fact]
    public void Corrupt_image_names_the_input()
    {
        string path = _dir.File("broken.jpg");
        File.WriteAllBytes(path, [0xFF, 0xD8, 0x00, 0x01, 0x02]);
        var e = Assert.Throws<InvalidDataException>(() => FrameSources.Open(path));
        Assert.Contains("broken.jpg", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_expands_to_its_media_files_in_a_stable_order()
    {
        var files = InputPaths.Expand([TestPaths.TestData]);
        Assert.Contains(files, f => f.EndsWith("soccer-3people-5frames.mp4", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("000000000785.jpg", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal));
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Videos_only_expansion_skips_images()
    {
        var files = InputPaths.Expand([TestPaths.TestData], videosOnly: true);
        Assert.Equal(2, files.Count);
    }

    [Fact]
    public void Double_star_glob_matches_across_folders()
    {
        var files = InputPaths.Glob(Path.Combine(TestPaths.TestData, "images", "**", "*.jpg"));
        Assert.Equal(10, files.Count); // the jpgs committed under tests/data/mmpose/images (MANIFEST.md)
        var h36m = InputPaths.Glob(Path.Combine(TestPaths.TestData, "images", "h36m", "S?_*.jpg"));
        Assert.Equal(4, h36m.Count);
    }

    [Fact]
    public void Pattern_without_matches_is_an_error_naming_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => InputPaths.Expand([_dir.File("*.mov")]));
        Assert.Contains("*.mov", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_or_stalled_timestamps_move_forward_by_one_frame()
    {
        var stamps = new FrameTimestamps(25);
        Assert.Equal(0, stamps.Next(0));
        Assert.Equal(0.04, stamps.Next(0.04), 9);
        Assert.Equal(0.08, stamps.Next(0.04), 9);
        Assert.Equal(0.5, stamps.Next(0.5), 9);
        Assert.Equal(1, stamps.RepairedCount);
    }
}
