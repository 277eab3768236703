using ValgusVision.Tests.Support;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Truth;

namespace ValgusVision.Domain.Tests;

/// <summary>The truth reader is strict: every accuracy figure rests on it, so a bad file is one line naming where.</summary>
public class SampleTruthReaderTests
{
    private static readonly string[] Sample = File.ReadAllLines(
        Path.Combine(TestPaths.RepoRoot, "samples", "sls-right-neutral.truth.csv"));

    private static SampleTruth Read(IEnumerable<string> lines) => SampleTruthReader.Read(new StringReader(string.Join('\n', lines)), "t.truth.csv");

    private static string Error(IEnumerable<string> lines) => Assert.Throws<InvalidDataException>(() => Read(lines)).Message;

    private static string[] WithCell(int line, string column, string value)
    {
        var lines = (string[])Sample.Clone();
        int index = Array.IndexOf(lines[0].Split(','), column);
        var cells = lines[line].Split(',');
        cells[index] = value;
        lines[line] = string.Join(',', cells);
        return lines;
    }

    [Fact]
    public void A_sample_reads_as_its_frames_stance_and_reps()
    {
        var truth = Read(Sample);

        Assert.Equal(149, truth.Frames.Length);
        Assert.Equal(Side.Right, truth.StanceLeg);
        Assert.Equal(3, truth.RepCount);
        Assert.Null(truth.Frames[0].Stance);
        Assert.Equal(TruthPhase.Standing, truth.Frames[0].Phase);
        Assert.Contains(truth.Frames, f => f.Phase == TruthPhase.Bottom && f.Rep == 2 && Math.Abs(f.Right.FppaDeg - 2.0) < 0.01);
        Assert.Equal(148, truth.Frames[^1].Frame);
        Assert.NotNull(truth.RepSpan(3));
        Assert.Null(truth.RepSpan(4));
    }

    [Fact]
    public void A_cell_that_is_not_a_number_names_line_and_column() =>
        Assert.Equal("truth 't.truth.csv' line 21, column right_knee_y: 'x' is not a number", Error(WithCell(20, "right_knee_y", "x")));

    [Fact]
    public void A_missing_column_says_it_is_not_a_squat_truth_file() =>
        Assert.StartsWith("truth 't.truth.csv' has no column 'stance'", Error(Sample.Select(l => l.Replace("stance,", "side,", StringComparison.Ordinal))), StringComparison.Ordinal);

    [Fact]
    public void A_gap_in_the_frame_numbers_is_refused() =>
        Assert.Contains("line 6, column frame: frame 5 where frame 4 was expected", Error(Sample.Where((_, i) => i != 5)), StringComparison.Ordinal);

    [Fact]
    public void Two_stance_legs_are_refused() =>
        Assert.Contains("column stance: 'left' after 'right'", Error(WithCell(100, "stance", "left")), StringComparison.Ordinal);

    [Fact]
    public void A_short_row_is_refused() =>
        Assert.Equal("truth 't.truth.csv' line 3: 5 cells, the header has 41", Error(Sample.Select((l, i) => i == 2 ? string.Join(',', l.Split(',')[..5]) : l)));

    [Fact]
    public void An_empty_file_and_a_header_alone_are_refused()
    {
        Assert.Equal("truth 't.truth.csv' is empty", Error([]));
        Assert.Equal("truth 't.truth.csv' has a header but no frames", Error(Sample[..1]));
    }

    [Fact]
    public void A_missing_file_is_named() =>
        Assert.Contains("truth 'nowhere.truth.csv' not found", Assert.Throws<FileNotFoundException>(() => SampleTruthReader.Read("nowhere.truth.csv")).Message, StringComparison.Ordinal);
}
