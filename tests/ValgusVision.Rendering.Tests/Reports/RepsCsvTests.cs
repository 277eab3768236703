using System.Text;
using ValgusVision.Rendering.Reports;
using ValgusVision.Rendering.Tests.Fixtures;

namespace ValgusVision.Rendering.Tests.Reports;

public class RepsCsvTests
{
    /// <summary>A strict RFC 4180 reader, so the test does not share code with the writer.</summary>
    internal static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        Assert.False(quoted, "CSV ends inside a quoted cell");
        Assert.Equal(0, cell.Length + row.Count);
        return rows;
    }

    private static List<List<string>> Written(AnalysisReport report)
    {
        using var writer = new StringWriter();
        RepsCsvWriter.Write(report.Analysis.Reps, writer);
        return Parse(writer.ToString());
    }

    [Fact]
    public void Reps_csv_has_a_header_and_one_row_per_rep_of_equal_width()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        var rows = Written(report);
        Assert.Equal(RepsCsvWriter.Header, rows[0]);
        Assert.Equal(report.Analysis.Reps.Length + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
    }

    [Fact]
    public void Reps_csv_has_every_scalar_field_of_report_json()
    {
        var header = RepsCsvWriter.Header;
        foreach (var field in RepFields.All)
        {
            Assert.Contains(field.CsvName, header);
        }

        Assert.Equal(header.Count, header.Distinct().Count());
    }

    [Fact]
    public void Verdicts_with_commas_and_quotes_survive_the_round_trip()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        var rep = report.Analysis.Reps[0] with { Verdict = "Left knee caved in 6°, \"within\" your limit" };
        using var writer = new StringWriter();
        RepsCsvWriter.Write([rep], writer);
        var rows = Parse(writer.ToString());
        var verdict = rows[1][rows[0].IndexOf("verdict")];
        Assert.Equal(rep.Verdict, verdict);
    }

    [Fact]
    public void Undefined_values_are_empty_cells_and_numbers_use_a_point()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        var rep = report.Analysis.Reps[1] with { FppaAtBottomDeg = null, PeakHipShiftPct = 12.34567 };
        using var writer = new StringWriter();
        RepsCsvWriter.Write([rep], writer);
        var rows = Parse(writer.ToString());
        Assert.Equal(string.Empty, rows[1][rows[0].IndexOf("fppa_at_bottom_deg")]);
        Assert.Equal("12.346", rows[1][rows[0].IndexOf("peak_hip_shift_pct")]);
        Assert.Equal("2", rows[1][rows[0].IndexOf("rep")]);
    }
}
