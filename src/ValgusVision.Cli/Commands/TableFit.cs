using Spectre.Console;
using Spectre.Console.Rendering;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// Writes a table so that no number breaks across lines in a narrow terminal (issue 21: at 80 columns the reps table
/// printed "-1." over "5"). A table that fits is written as it is. One that does not gets column widths that keep each
/// short cell whole (headers wrap at their spaces instead), and when even that is too wide it is written as several
/// tables, each with the first <c>keyColumns</c> columns (the rep, the side) and as many of the others as fit.
/// </summary>
internal static class TableFit
{
    /// <summary>Cells up to this long stay on one line; longer ones (a quality note) may wrap at their spaces.</summary>
    private const int WholeCellMax = 16;

    /// <summary>Each column's share of a rounded border: one space either side and one rule.</summary>
    private const int ColumnChrome = 3;

    public static void Write(IAnsiConsole console, Table table, int keyColumns = 1)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(table);
        int width = console.Profile.Width;
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var columns = table.Columns;
        var rows = table.Rows.Select(r => r.ToArray()).ToArray();
        var natural = new int[columns.Count];
        var need = new int[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            var header = columns[c].Header.Measure(options, int.MaxValue);
            natural[c] = header.Max;
            need[c] = Math.Max(1, header.Min);
            foreach (var row in rows)
            {
                var cell = row[c].Measure(options, int.MaxValue);
                natural[c] = Math.Max(natural[c], cell.Max);
                need[c] = Math.Max(need[c], cell.Max <= WholeCellMax ? cell.Max : Math.Max(cell.Min, WholeCellMax));
            }
        }

        if (Width(natural, Enumerable.Range(0, columns.Count)) <= width)
        {
            console.Write(table);
            return;
        }

        int keys = Math.Clamp(keyColumns, 0, columns.Count - 1);
        var groups = new List<List<int>>();
        var current = new List<int>();
        for (int c = keys; c < columns.Count; c++)
        {
            if (current.Count > 0 && Width(need, Enumerable.Range(0, keys).Concat(current).Append(c)) > width)
            {
                groups.Add(current);
                current = [];
            }

            current.Add(c);
        }

        groups.Add(current);
        for (int g = 0; g < groups.Count; g++)
        {
            var shown = Enumerable.Range(0, keys).Concat(groups[g]).ToList();
            var part = new Table().Border(table.Border);
            if (g == 0 && table.Title is not null)
            {
                part.Title = table.Title;
            }

            var widths = Widen(shown.Select(c => need[c]).ToArray(), shown.Select(c => natural[c]).ToArray(), width);
            for (int i = 0; i < shown.Count; i++)
            {
                var source = columns[shown[i]];
                part.AddColumn(new TableColumn(source.Header) { Alignment = source.Alignment, Width = widths[i], NoWrap = source.NoWrap });
            }

            foreach (var row in rows)
            {
                part.AddRow(shown.Select(c => row[c]));
            }

            console.Write(part);
        }
    }

    private static int Width(int[] widths, IEnumerable<int> columns) => 1 + columns.Sum(c => widths[c] + ColumnChrome);

    /// <summary>Spare width goes to the columns whose header had to wrap, one character at a time, narrowest first.</summary>
    private static int[] Widen(int[] need, int[] natural, int width)
    {
        var widths = (int[])need.Clone();
        int spare = width - (1 + widths.Sum(w => w + ColumnChrome));
        bool grew = true;
        while (spare > 0 && grew)
        {
            grew = false;
            foreach (int i in Enumerable.Range(0, widths.Length).OrderBy(i => widths[i]))
            {
                if (spare > 0 && widths[i] < natural[i])
                {
                    widths[i]++;
                    spare--;
                    grew = true;
                }
            }
        }

        return widths;
    }
}
