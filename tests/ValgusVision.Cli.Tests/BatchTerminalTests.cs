using ValgusVision.Tests.Support;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// <c>valgus batch</c> typed into a real terminal (issue 21: it crashed there with "Task name cannot be empty" while
/// every redirected run passed): the CLI runs under a pseudo-terminal made by <c>script</c>, so the progress bars draw.
/// </summary>
public sealed class BatchTerminalTests : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Batch_in_a_terminal_draws_its_bars_writes_the_outputs_and_says_why_it_redoes_a_video()
    {
        string study = _dir.File("study");
        Directory.CreateDirectory(study);
        File.CreateSymbolicLink(Path.Combine(study, "a.mp4"), TestPaths.Video("mmpose-demo-5frames.mp4"));
        string output = _dir.File("out");

        var (code, text) = InTerminal("batch", study, "--out", output, "--formats", "csv");
        Assert.True(code == 0, text);
        Assert.Contains("1/1 videos", text, StringComparison.Ordinal); // the bar was drawn: it was a terminal
        Assert.Contains("batch: 1 analysed, 0 recomputed from frames.csv, 0 already complete (skipped), 0 failed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Task name", text, StringComparison.Ordinal);
        Assert.StartsWith("a.mp4,", File.ReadAllLines(Path.Combine(output, "summary.csv"))[1], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "a.frames.csv")));

        (code, text) = InTerminal("batch", study, "--out", output, "--formats", "csv", "--threshold", "20");
        Assert.True(code == 0, text);
        Assert.Contains("redoing a.mp4 from frames.csv (no model): threshold 10 → 20", text, StringComparison.Ordinal);
        Assert.Contains("batch: 0 analysed, 1 recomputed from frames.csv", text, StringComparison.Ordinal);
    }

    private static (int Code, string Text) InTerminal(params string[] args) => Pty.Run(null, args);
}
