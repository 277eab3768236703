using System.Diagnostics;
using System.Text.Json;
using ValgusVision.Domain.Csv;
using ValgusVision.Video;

namespace ValgusVision.App.Tests;

[Collection(PoseEngineCollection.Name)]
public sealed class AnalysisJobTests(PoseEngineFixture engine) : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Video_gives_every_output_and_each_parses()
    {
        var report = await Run(TestPaths.Video("mmpose-demo-5frames.mp4"), OutputFormats.All);
        var paths = Paths("mmpose-demo-5frames");

        Assert.Equal(5, report.FramesAnalysed);
        Assert.All(paths.For(OutputFormats.All), f => Assert.True(File.Exists(f), $"{f} missing"));

        var csvLines = File.ReadAllLines(paths.FramesCsv);
        Assert.Equal(string.Join(',', FramesCsvColumns.Header), csvLines[0]);
        Assert.Equal(6, csvLines.Length);
        var poses = FramesCsvReader.Read(paths.FramesCsv);
        Assert.Equal(5, poses.Count);
        Assert.Equal(0.2, poses[1].TimeSeconds - poses[0].TimeSeconds, 3); // container times of this 5 fps clip

        Assert.Equal(string.Join(',', Rendering.Reports.RepsCsvWriter.Header), File.ReadLines(paths.RepsCsv).First());

        using var json = JsonDocument.Parse(File.ReadAllText(paths.ReportJson));
        Assert.Equal("valgusvision.report/1", json.RootElement.GetProperty("schema").GetString());
        Assert.True(json.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(5, json.RootElement.GetProperty("input").GetProperty("frameCount").GetInt32());

        Assert.Contains("<html", File.ReadAllText(paths.ReportHtml), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(paths.ReportPdf)[..4]);
        RunTool("pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", paths.ReportPdf, _dir.File("page"));
        Assert.NotEmpty(Directory.GetFiles(_dir.Path, "page*.png"));

        using var video = new VideoFileSource(paths.OverlayVideo);
        Assert.Equal((960, 540), (video.Info.Width, video.Info.Height));
        Assert.Equal(5, video.Info.FrameCount);
        Assert.Equal("h264", video.Info.Codec);
        Assert.True(CompletionMarker.IsComplete(paths, OutputFormats.All));
        Assert.Empty(Directory.GetFiles(_dir.Path, ".*partial*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Formats_choose_which_files_are_written()
    {
        await Run(TestPaths.Video("soccer-3people-5frames.mp4"), OutputFormats.Csv | OutputFormats.Json);
        var paths = Paths("soccer-3people-5frames");
        Assert.True(File.Exists(paths.FramesCsv));
        Assert.True(File.Exists(paths.RepsCsv));
        Assert.True(File.Exists(paths.ReportJson));
        Assert.False(File.Exists(paths.OverlayVideo));
        Assert.False(File.Exists(paths.ReportHtml));
        Assert.False(File.Exists(paths.ReportPdf));
        Assert.True(CompletionMarker.IsComplete(paths, OutputFormats.Csv | OutputFormats.Json));
        Assert.False(CompletionMarker.IsComplete(paths, OutputFormats.Csv | OutputFormats.Video));
    }

    [Fact]
    public async Task Still_image_is_a_one_frame_analysis()
    {
        var report = await Run(TestPaths.Image("h36m/S1_Directions_1.54138969_000001.jpg"), OutputFormats.Csv | OutputFormats.Json);
        Assert.Equal(1, report.FramesAnalysed);
        Assert.Equal(1, report.FramesWithPose);
        using var json = JsonDocument.Parse(File.ReadAllText(Paths("S1_Directions_1.54138969_000001").ReportJson));
        Assert.False(json.RootElement.GetProperty("noPersonFound").GetBoolean());
    }

    [Fact]
    public async Task Start_and_end_keep_only_frames_inside_them_with_their_video_times()
    {
        // mmpose-demo-5frames is 5 fps: frames at 0, 0.2, 0.4, 0.6, 0.8 s.
        var report = await Run(TestPaths.Video("mmpose-demo-5frames.mp4"), OutputFormats.Csv | OutputFormats.Video, new TimeRange(0.2, 0.6));
        Assert.Equal(3, report.FramesAnalysed);
        var poses = FramesCsvReader.Read(Paths("mmpose-demo-5frames").FramesCsv);
        Assert.Equal([1, 2, 3], poses.Select(p => p.FrameIndex));
        Assert.Equal(0.2, poses[0].TimeSeconds, 3);
        using var video = new VideoFileSource(Paths("mmpose-demo-5frames").OverlayVideo);
        Assert.Equal(3, video.Info.FrameCount);
    }

    [Fact]
    public async Task No_person_anywhere_gives_a_report_that_says_so()
    {
        var report = await Run(Clips.NoPerson(_dir), OutputFormats.Json | OutputFormats.Video);
        Assert.Equal(0, report.FramesWithPose);
        Assert.Contains(report.Warnings, w => w.Contains("no person", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(Paths("bars").ReportJson));
        Assert.True(json.RootElement.GetProperty("noPersonFound").GetBoolean());
        Assert.True(File.Exists(Paths("bars").OverlayVideo));
    }

    [Fact]
    public async Task Truncated_video_is_analysed_up_to_the_damage_and_marked_incomplete()
    {
        var report = await Run(Clips.Truncated(_dir), OutputFormats.Json);
        Assert.True(report.Incomplete);
        Assert.InRange(report.FramesAnalysed, 1, 29);
        using var json = JsonDocument.Parse(File.ReadAllText(Paths("cut").ReportJson));
        Assert.False(json.RootElement.GetProperty("complete").GetBoolean());
        Assert.Contains("truncated", json.RootElement.GetProperty("incompleteReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_folder_that_is_a_file_is_one_clear_error()
    {
        string notAFolder = _dir.File("plain-file");
        File.WriteAllText(notAFolder, "x");
        using var job = Job(OutputFormats.Json);
        // An output failure, not an input's: a command stops instead of trying the next input on the same folder.
        var e = await Assert.ThrowsAsync<ValgusVision.Video.OutputWriteException>(() =>
            job.RunAsync(TestPaths.Video("mmpose-demo-5frames.mp4"), new OutputPaths(notAFolder, "x"), null, CancellationToken.None));
        Assert.Contains("plain-file", e.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be written", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_input_names_the_file()
    {
        using var job = Job(OutputFormats.Json);
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            job.RunAsync(_dir.File("nope.mp4"), new OutputPaths(_dir.Path, "nope"), null, CancellationToken.None));
        Assert.Contains("nope.mp4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_mid_video_leaves_no_partial_files()
    {
        using var job = Job(OutputFormats.All);
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress<JobProgress>(p =>
        {
            if (p.Phase == JobPhase.Overlay)
            {
                cancel.Cancel();
            }
        });
        string input = Clips.NoPerson(_dir, frames: 40);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            job.RunAsync(input, Paths("bars"), progress, cancel.Token));
        Assert.Equal([input], Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".png", StringComparison.Ordinal)));
    }

    private async Task<InputReport> Run(string input, OutputFormats formats, TimeRange range = default)
    {
        using var job = Job(formats, range);
        return await job.RunAsync(input, Paths(OutputPaths.NameFor(input)), null, CancellationToken.None);
    }

    private AnalysisJob Job(OutputFormats formats, TimeRange range = default) =>
        new(new AnalyzeOptions { OutputDirectory = _dir.File("out"), Formats = formats, Range = range }, engine.Create);

    private OutputPaths Paths(string name) => new(_dir.File("out"), name);

    private static void RunTool(string exe, params string[] args)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{exe} failed: {err}");
    }
}
