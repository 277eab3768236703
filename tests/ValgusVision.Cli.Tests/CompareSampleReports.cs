namespace ValgusVision.Cli.Tests;

/// <summary>
/// The committed samples analysed once by <c>valgus analyze --formats json</c>, as a user would before comparing:
/// the left leg caving in 15° (sls-left-valgus15), the right leg neutral (sls-right-neutral) and a left leg filmed
/// with the body turned 20° (sls-left-yaw20, accuracy unknown).
/// </summary>
public sealed class CompareSampleReports : IAsyncLifetime
{
    /// <summary>The compare and progress tests share one analysis of the samples (analysing them is most of their time).</summary>
    public const string Collection = "compare sample reports";

    private readonly AnalyzeTestFiles _files = new();

    public string Folder => _files.Scratch;

    public string Left => Path.Combine(Folder, "reports", "sls-left-valgus15.report.json");

    public string Right => Path.Combine(Folder, "reports", "sls-right-neutral.report.json");

    public string LeftTurned => Path.Combine(Folder, "reports", "sls-left-yaw20.report.json");

    public async Task InitializeAsync()
    {
        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", TestPaths.Sample("sls-left-valgus15.mp4"), TestPaths.Sample("sls-right-neutral.mp4"), TestPaths.Sample("sls-left-yaw20.mp4"),
            "--out", Path.Combine(Folder, "reports"), "--formats", "json");
        Assert.True(code == 0, error);
    }

    public Task DisposeAsync()
    {
        _files.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(CompareSampleReports.Collection)]
public sealed class CompareSampleReportsCollection : ICollectionFixture<CompareSampleReports>;
