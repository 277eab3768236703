using System.Globalization;
using ValgusVision.Domain.Analysis;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// Writes reps.csv: one row per rep, the columns of <see cref="RepFields"/> (documented in docs/report-json.md).
/// Undefined values are empty cells; numbers use a point and 3 decimals whatever the machine's culture;
/// text is quoted as RFC 4180 says (verdicts contain commas and quotes).
/// </summary>
public static class RepsCsvWriter
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Header { get; } = BuildHeader();

    public static void Write(IEnumerable<Rep> reps, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(reps);
        output.Write(string.Join(',', Header));
        output.Write("\r\n");
        var cells = new List<string>();
        foreach (var rep in reps)
        {
            cells.Clear();
            foreach (var column in RepFields.All)
            {
                cells.Add(Quote(Cell(column.Value(rep))));
            }

            foreach (var column in RepFields.CsvOnly)
            {
                cells.Add(Quote(Cell(column.Value(rep))));
            }

            output.Write(string.Join(',', cells));
            output.Write("\r\n");
        }

        output.Flush();
    }

    /// <summary>RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled.</summary>
    internal static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static void WriteFile(IEnumerable<Rep> reps, string path)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(reps, writer);
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        double d when !double.IsFinite(d) => string.Empty,
        double d => Math.Round(d, 3, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture),
        float f => Math.Round(f, 3, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string[] BuildHeader()
    {
        var names = new List<string>();
        foreach (var column in RepFields.All)
        {
            names.Add(column.CsvName);
        }

        foreach (var column in RepFields.CsvOnly)
        {
            names.Add(column.CsvName);
        }

        return [.. names];
    }
}
