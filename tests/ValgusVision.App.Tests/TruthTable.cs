using System.Globalization;

namespace ValgusVision.App.Tests;

/// <summary>The samples' truth CSV (format in samples/README.md), by frame number and column name.</summary>
internal sealed class TruthTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly Dictionary<int, string[]> _rows = [];

    private TruthTable(string header) =>
        _columns = header.Split(',').Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);

    public static TruthTable Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var table = new TruthTable(lines[0]);
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            table._rows[int.Parse(cells[0], CultureInfo.InvariantCulture)] = cells;
        }

        return table;
    }

    public IEnumerable<int> Frames => _rows.Keys.Order();

    public string Text(int frame, string column) => _rows[frame][_columns[column]];

    public double Value(int frame, string column) =>
        double.Parse(_rows[frame][_columns[column]], CultureInfo.InvariantCulture);
}
