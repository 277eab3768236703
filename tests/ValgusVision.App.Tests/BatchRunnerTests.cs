namespace ValgusVision.App.Tests;

[Collection(PoseEngineCollection.Name)]
public sealed class BatchRunnerTests(PoseEngineFixture engine) : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Batch_lists_every_video_and_the_failed_one_with_its_error()
    {
        string study = MakeStudy();
        var result = await Run(study, ShardSpec.Whole, force: false);

        Assert.Equal(2, result.Analysed);
        Assert.Single(result.Failures);
        Assert.Equal("s2/broken.mp4", result.Failures[0].Input);
        var lines = File.ReadAllLines(result.SummaryPath);
        Assert.Equal(string.Join(',', SummaryCsv.Columns), lines[0]);
        Assert.Contains(lines, l => l.StartsWith("s1/trial.mp4,ok,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("s2/trial.mp4,", StringComparison.Ordinal));
        var broken = Assert.Single(lines, l => l.StartsWith("s2/broken.mp4,failed,", StringComparison.Ordinal));
        Assert.Contains("broken.mp4", broken, StringComparison.Ordinal);
        // Mirrored folders: two trial.mp4 in different subject folders do not collide.
        Assert.True(File.Exists(Path.Combine(_dir.File("out"), "s1", "trial.report.json")));
        Assert.True(File.Exists(Path.Combine(_dir.File("out"), "s2", "trial.report.json")));
    }

    [Fact]
    public async Task Rerun_skips_complete_videos_and_force_redoes_them()
    {
        string study = MakeStudy();
        await Run(study, ShardSpec.Whole, force: false);
        string report = Path.Combine(_dir.File("out"), "s1", "trial.report.json");
        var firstWrite = File.GetLastWriteTimeUtc(report);

        var again = await Run(study, ShardSpec.Whole, force: false);
        Assert.Equal(0, again.Analysed);
        Assert.Equal(2, again.Skipped);
        Assert.Single(again.Failures); // failed inputs are retried, never marked complete
        Assert.Equal(firstWrite, File.GetLastWriteTimeUtc(report));
        Assert.Contains(File.ReadAllLines(again.SummaryPath), l => l.StartsWith("s1/trial.mp4,ok,", StringComparison.Ordinal));

        var forced = await Run(study, ShardSpec.Whole, force: true);
        Assert.Equal(2, forced.Analysed);
        Assert.Equal(0, forced.Skipped);
    }

    [Fact]
    public async Task Shards_split_the_sorted_list_without_overlap_or_gap()
    {
        string study = MakeStudy();
        var shard0 = await Run(study, new ShardSpec(0, 2), force: false);
        var shard1 = await Run(study, new ShardSpec(1, 2), force: false);

        // Sorted: s1/trial.mp4, s2/broken.mp4, s2/trial.mp4 → shard 0 takes positions 0 and 2, shard 1 position 1.
        Assert.EndsWith("summary.shard-0-of-2.csv", shard0.SummaryPath, StringComparison.Ordinal);
        var inputs0 = File.ReadAllLines(shard0.SummaryPath).Skip(1).Select(l => l.Split(',')[0]).Distinct().ToList();
        var inputs1 = File.ReadAllLines(shard1.SummaryPath).Skip(1).Select(l => l.Split(',')[0]).Distinct().ToList();
        Assert.Equal(["s1/trial.mp4", "s2/trial.mp4"], inputs0);
        Assert.Equal(["s2/broken.mp4"], inputs1);

        // After all shards, an unsharded run finds everything done and writes the whole summary.
        var whole = await Run(study, ShardSpec.Whole, force: false);
        Assert.Equal(2, whole.Skipped);
        Assert.Equal(3, File.ReadAllLines(whole.SummaryPath).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    public void Shard_text_parses(string text, int index, int count) => Assert.Equal(new ShardSpec(index, count), ShardSpec.Parse(text));

    [Theory]
    [InlineData("4/4")]
    [InlineData("1")]
    [InlineData("-1/3")]
    [InlineData("a/b")]
    [InlineData("0/0")]
    public void Bad_shard_text_is_refused_with_the_expected_form(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => ShardSpec.Parse(text));
        Assert.Contains("i/N", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_cells_with_commas_or_quotes_are_quoted()
    {
        Assert.Equal("plain", SummaryCsv.Quote("plain"));
        Assert.Equal("\"a, b\"", SummaryCsv.Quote("a, b"));
        Assert.Equal("\"say \"\"hi\"\"\"", SummaryCsv.Quote("say \"hi\""));
    }

    /// <summary>Two subjects with a trial each (links to the committed test videos) and one broken file.</summary>
    private string MakeStudy()
    {
        Clips.Link(_dir, "study/s1/trial.mp4", "mmpose-demo-5frames.mp4");
        Clips.Link(_dir, "study/s2/trial.mp4", "soccer-3people-5frames.mp4");
        File.WriteAllText(_dir.File("study/s2/broken.mp4"), "not a video");
        File.WriteAllText(_dir.File("study/s2/notes.txt"), "ignored: not a video");
        return _dir.File("study");
    }

    private Task<BatchResult> Run(string study, ShardSpec shard, bool force) =>
        new BatchRunner(
            new BatchOptions
            {
                Inputs = [study],
                Analyze = new AnalyzeOptions { OutputDirectory = _dir.File("out"), Formats = OutputFormats.Csv | OutputFormats.Json },
                Shard = shard,
                Force = force,
            },
            engine.Create).RunAsync(null, CancellationToken.None);
}
