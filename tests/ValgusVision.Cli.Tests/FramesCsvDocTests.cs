using ValgusVision.Domain.Csv;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// docs/frames-csv.md's example is the tool's own output: its header is the header `valgus analyze` writes (same
/// columns, same order), and every example row has one cell per column and reads back as a frame. A column added,
/// renamed or moved in the code fails here until the doc's example is regenerated.
/// </summary>
public sealed class FramesCsvDocTests : IDisposable
{
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_documented_example_has_the_header_the_tool_writes_and_rows_that_fit_it()
    {
        // One real image: the cheapest real run that writes a frames CSV (the model runs once).
        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", Path.Combine(TestPaths.TestData, "images", "coco", "000000000785.jpg"), "--out", _files.Scratch,
            "--formats", "csv", "--exercise", "single-leg-squat");
        Assert.True(code == 0, error);
        string written = File.ReadLines(_files.File("000000000785.frames.csv")).First();
        var example = ExampleLines();

        Assert.Equal(FramesCsvReader.SplitLine(written), FramesCsvReader.SplitLine(example[0]));
        Assert.True(example.Count >= 2, "docs/frames-csv.md's example has no data row");
        int columns = FramesCsvReader.SplitLine(written).Count;
        for (int i = 1; i < example.Count; i++)
        {
            Assert.True(
                FramesCsvReader.SplitLine(example[i]).Count == columns,
                $"example row {i} of docs/frames-csv.md has {FramesCsvReader.SplitLine(example[i]).Count} cells, the header {columns}");
        }

        var frames = FramesCsvReader.Read(new StringReader(string.Join('\n', example)), "docs/frames-csv.md");
        Assert.Equal(example.Count - 1, frames.Count);
        Assert.All(frames, f => Assert.True(f.HasPose));
    }

    /// <summary>The lines of the fenced block under "## Example" (header first).</summary>
    private static List<string> ExampleLines()
    {
        var lines = File.ReadAllLines(TestPaths.Doc("frames-csv.md"));
        int heading = Array.FindIndex(lines, l => l.StartsWith("## Example", StringComparison.Ordinal));
        Assert.True(heading >= 0, "docs/frames-csv.md has no '## Example' section");
        int open = Array.FindIndex(lines, heading, l => l.StartsWith("```", StringComparison.Ordinal));
        int close = Array.FindIndex(lines, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        Assert.True(open > heading && close > open, "docs/frames-csv.md's example is not a fenced block");
        return [.. lines[(open + 1)..close].Where(l => l.Length > 0)];
    }
}
