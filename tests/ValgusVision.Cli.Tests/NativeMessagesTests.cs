namespace ValgusVision.Cli.Tests;

/// <summary>
/// A damaged video (issue 21 item 2): FFmpeg's decoder complaints ("[h264 @ 0x…] error while decoding MB…", "partial
/// file") and OpenCV's "[ WARN:0@…]" lines never reach the terminal, the user gets our own warning on stdout; with
/// <c>--verbose</c> they are in the log file named on stderr, beside the stage times.
/// </summary>
public sealed class NativeMessagesTests : IDisposable
{
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("bytes-flipped")]
    [InlineData("truncated")]
    public void A_damaged_video_prints_only_our_lines(string damage)
    {
        string clip = Damaged(damage);

        string[] range = damage == "truncated" ? [] : ["--end", "1.5"];
        var (code, output, error) = ChildValgus.Run(["analyze", clip, "--out", _files.File("out"), "--formats", "csv", .. range]);

        Assert.True(code == 0, error);
        Assert.Equal("", error);
        if (damage == "truncated")
        {
            Assert.Contains("warning: the video ended after", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("stage times", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" @ 0x", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_logs_the_native_messages_to_the_file_it_names_and_prints_the_stage_times()
    {
        string clip = Damaged("bytes-flipped");

        var (code, output, error) = ChildValgus.Run("analyze", clip, "--out", _files.File("out"), "--formats", "csv", "--end", "1.5", "--verbose");

        Assert.True(code == 0, error);
        const string Prefix = "valgus: --verbose: OpenCV/FFmpeg messages are logged to ";
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1 && lines[0].StartsWith(Prefix, StringComparison.Ordinal), error);
        string log = lines[0][Prefix.Length..];
        try
        {
            Assert.Contains("[h264 @ 0x", File.ReadAllText(log), StringComparison.Ordinal);
            Assert.Contains("stage times (ms per frame", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public void The_OpenCV_fallback_encoder_prints_nothing_of_its_own()
    {
        var (code, output, error) = ChildValgus.Start(
            "dotnet",
            [ChildValgus.Dll, "analyze", TestPaths.Video("mmpose-demo-5frames.mp4"), "--out", _files.File("out"), "--formats", "video"],
            new Dictionary<string, string> { [ValgusVision.Video.VideoEncoders.FfmpegVariable] = "" });

        Assert.True(code == 0, error);
        Assert.Equal("", error);
        Assert.Contains("overlay video written as MPEG-4 Part 2", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The bundled sample, damaged at test time: every 997th byte of its second eighth inverted (the decoder meets
    /// broken slices in the first 1.5 s), or cut at 60 % (the file ends mid-stream, after 60 of 149 frames).
    /// </summary>
    private string Damaged(string damage)
    {
        byte[] bytes = File.ReadAllBytes(TestPaths.Sample("sls-left-valgus15.mp4"));
        if (damage == "truncated")
        {
            bytes = bytes[..(bytes.Length * 6 / 10)];
        }
        else
        {
            for (int i = bytes.Length / 8; i < bytes.Length / 4; i += 997)
            {
                bytes[i] ^= 0xFF;
            }
        }

        string path = _files.File(damage + ".mp4");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
