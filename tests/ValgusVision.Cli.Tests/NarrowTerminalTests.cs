using System.Globalization;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// The tables in an 80-column terminal (issue 21: the reps table broke its numbers, "-1." over "5"): every line fits,
/// and every rep's numbers are printed whole.
/// </summary>
public sealed class NarrowTerminalTests : IDisposable
{
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Reanalyze_in_80_columns_keeps_every_number_whole_and_every_line_inside()
    {
        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", TestPaths.Sample("sls-left-valgus15.mp4"), "--out", _files.Scratch, "--formats", "csv", "--exercise", "single-leg-squat");
        Assert.True(code == 0, error);
        string frames = _files.File("sls-left-valgus15.frames.csv");

        var (rc, text) = Pty.Run(80, "reanalyze", frames);

        Assert.True(rc == 0, text);
        string[] lines = Pty.PlainLines(text);
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        var cells = lines.Where(l => l.StartsWith('│')).SelectMany(l => l.Split('│').Select(c => c.Trim())).Where(c => c.Length > 0).ToHashSet();
        Assert.DoesNotContain(cells, c => c.EndsWith('.') || (c.StartsWith('–') && c.Length > 1)); // "-1." over "5", "0.40" over "–1.90"

        // Each rep's numbers from reps.csv, as the table formats them, are cells of their own.
        var reps = File.ReadAllLines(_files.File("sls-left-valgus15.reps.csv"));
        string[] header = reps[0].Split(',');
        Assert.True(reps.Length >= 3, "the sample has three reps");
        foreach (string row in reps.Skip(1))
        {
            string[] values = row.Split(',');
            foreach (string column in new[] { "trunk_lean_at_bottom_deg", "fppa_at_bottom_deg", "peak_hip_shift_pct", "depth_pct" })
            {
                double value = double.Parse(values[Array.IndexOf(header, column)], CultureInfo.InvariantCulture);
                Assert.Contains(value.ToString("0.0", CultureInfo.InvariantCulture), cells);
            }

            string time = string.Create(CultureInfo.InvariantCulture, $"{double.Parse(values[Array.IndexOf(header, "start_time_s")], CultureInfo.InvariantCulture):0.00}–{double.Parse(values[Array.IndexOf(header, "end_time_s")], CultureInfo.InvariantCulture):0.00}");
            Assert.Contains(time, cells);
        }
    }
}
