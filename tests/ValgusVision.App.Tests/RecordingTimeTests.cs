using System.Text.Json;
using ValgusVision.Domain.Recording;

namespace ValgusVision.App.Tests;

/// <summary>
/// report.json's recordedAt through the analysis job, as analyze, batch and the web upload run it: the container's
/// creation_time, else not known; --recorded-on (the session's) over everything, a caller's (the web's live clock)
/// over the container's.
/// </summary>
[Collection(PoseEngineCollection.Name)]
public sealed class RecordingTimeTests(PoseEngineFixture engine) : IDisposable
{
    private static readonly DateTimeOffset Tagged = new(2026, 11, 2, 9, 14, 3, TimeSpan.Zero);

    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_video_with_creation_time_is_recorded_then_and_says_so_in_every_report()
    {
        string input = TaggedClip();
        var root = await Analyse(input, null, null, OutputFormats.Json | OutputFormats.Html);
        Assert.Equal(("2026-11-02T09:14:03Z", "container"), (root.GetProperty("recordedAt").GetString(), root.GetProperty("recordedAtSource").GetString()));
        Assert.Contains("<p class=\"recorded\">Recorded 2026-11-02</p>", File.ReadAllText(Paths("tagged").ReportHtml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_video_without_one_is_not_known_not_its_files_date()
    {
        string input = Clips.NoPerson(_dir, frames: 3);
        File.SetLastWriteTimeUtc(input, new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc));
        var root = await Analyse(input, null, null, OutputFormats.Json | OutputFormats.Html);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("recordedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("recordedAtSource").ValueKind);
        Assert.Contains("<p class=\"recorded\">Recording date unknown</p>", File.ReadAllText(Paths("bars").ReportHtml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_users_date_wins_over_the_containers_and_the_callers()
    {
        var user = RecordingTimeSources.ParseUser("2026-10-30T17:05");
        var live = new RecordingTime(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), RecordingTimeSource.Live);
        var root = await Analyse(TaggedClip(), user, live, OutputFormats.Json);
        Assert.Equal(("2026-10-30T17:05:00Z", "user"), (root.GetProperty("recordedAt").GetString(), root.GetProperty("recordedAtSource").GetString()));
    }

    [Fact]
    public async Task The_callers_clock_wins_over_the_containers()
    {
        var live = new RecordingTime(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), RecordingTimeSource.Live);
        var root = await Analyse(TaggedClip(), null, live, OutputFormats.Json);
        Assert.Equal(("2026-12-01T10:00:00Z", "live"), (root.GetProperty("recordedAt").GetString(), root.GetProperty("recordedAtSource").GetString()));
    }

    [Fact]
    public async Task Without_ffprobe_the_date_is_not_known_and_the_analysis_goes_on()
    {
        var options = new AnalyzeOptions { OutputDirectory = _dir.File("out"), Formats = OutputFormats.Json, FfprobePath = null };
        using var job = new AnalysisJob(options, engine.Create);
        await job.RunAsync(TaggedClip(), "tagged", Paths("tagged"), recordedAt: null, null, CancellationToken.None);
        using var json = JsonDocument.Parse(File.ReadAllText(Paths("tagged").ReportJson));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("recordedAt").ValueKind);
    }

    private string TaggedClip()
    {
        string tagged = _dir.File("tagged.mp4");
        ScratchFolder.Ffmpeg("-i", Clips.NoPerson(_dir, frames: 3), "-c", "copy", "-metadata", "creation_time=" + Tagged.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), tagged);
        return tagged;
    }

    private async Task<JsonElement> Analyse(string input, RecordingTime? user, RecordingTime? caller, OutputFormats formats)
    {
        var options = new AnalyzeOptions
        {
            OutputDirectory = _dir.File("out"),
            Formats = formats,
            Session = SessionOptions.Default with { RecordedAt = user },
        };
        using var job = new AnalysisJob(options, engine.Create);
        string name = OutputPaths.NameFor(input);
        await job.RunAsync(input, name, Paths(name), caller, null, CancellationToken.None);
        using var json = JsonDocument.Parse(File.ReadAllText(Paths(name).ReportJson));
        return json.RootElement.Clone();
    }

    private OutputPaths Paths(string name) => new(_dir.File("out"), name);
}
