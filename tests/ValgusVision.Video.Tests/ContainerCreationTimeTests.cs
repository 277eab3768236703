namespace ValgusVision.Video.Tests;

/// <summary>The recording date a container states about itself, and "not known" wherever it does not (never the mtime).</summary>
public sealed class ContainerCreationTimeTests : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_container_with_creation_time_gives_it_and_a_copy_with_a_new_mtime_still_does()
    {
        string tagged = _dir.File("tagged.mp4");
        ScratchFolder.Ffmpeg("-i", Clips.Plain(_dir, frames: 3), "-c", "copy", "-metadata", "creation_time=2026-11-02T09:14:03Z", tagged);
        File.SetLastWriteTimeUtc(tagged, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)); // a copy's new date must not matter
        string? ffprobe = ContainerCreationTime.FindFfprobe();
        Assert.NotNull(ffprobe);

        var time = ContainerCreationTime.Read(tagged, ffprobe);

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 14, 3, TimeSpan.Zero), time);
    }

    [Fact]
    public void A_container_without_creation_time_is_not_known_whatever_the_files_date()
    {
        string plain = Clips.Plain(_dir, frames: 3);
        File.SetLastWriteTimeUtc(plain, new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc));

        Assert.Null(ContainerCreationTime.Read(plain, ContainerCreationTime.FindFfprobe()));
    }

    [Fact]
    public void Without_ffprobe_or_with_a_broken_one_the_date_is_not_known()
    {
        string tagged = _dir.File("tagged.mp4");
        ScratchFolder.Ffmpeg("-i", Clips.Plain(_dir, frames: 3), "-c", "copy", "-metadata", "creation_time=2026-11-02T09:14:03Z", tagged);

        Assert.Null(ContainerCreationTime.Read(tagged, ffprobe: null));
        Assert.Null(ContainerCreationTime.Read(tagged, _dir.File("no-such-ffprobe")));
        Assert.Null(ContainerCreationTime.Read(_dir.File("no-such-video.mp4"), ContainerCreationTime.FindFfprobe()));
    }

    [Theory]
    [InlineData("2026-11-02T09:14:03.000000Z\n", "2026-11-02T09:14:03Z")]
    [InlineData("\n2026-11-02T09:14:03.000000Z\n2026-11-02T09:14:04.000000Z\n", "2026-11-02T09:14:03Z")] // the format's tag, then the stream's
    [InlineData("1904-01-01T00:00:00.000000Z\n2026-03-05T17:00:00.000000Z\n", "2026-03-05T17:00:00Z")] // QuickTime's zero means not set
    [InlineData("1970-01-01T00:00:00.000000Z\n", null)]
    [InlineData("", null)]
    [InlineData("not a date\n", null)]
    public void Ffprobes_lines_are_read_with_the_formats_zero_as_not_known(string output, string? expected) =>
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ContainerCreationTime.Parse(output));
}
