using ValgusVision.Domain.Pose;
using System.Collections.Immutable;
using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Geometry;

namespace ValgusVision.App.Evaluation;

/// <summary>One leg's clicked hip, knee and ankle in one video frame (image pixels, x right, y down, origin top-left).</summary>
public sealed record ClickedLeg(int Frame, Side Side, Point2 Hip, Point2 Knee, Point2 Ankle);

/// <summary>
/// Reads a clinic's own digitising (docs/annotations.md): a CSV with the header
/// <c>frame,side,hip_x,hip_y,knee_x,knee_y,ankle_x,ankle_y</c> (columns found by name, any order, others ignored;
/// <c>#</c> lines and blank lines skipped), frame 0-based, side the person's left or right. Any problem is one
/// <see cref="InvalidDataException"/> naming the file and line.
/// </summary>
public static class ManualAnnotations
{
    private static readonly string[] Columns = ["frame", "side", "hip_x", "hip_y", "knee_x", "knee_y", "ankle_x", "ankle_y"];

    public static ImmutableArray<ClickedLeg> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"annotations '{path}' not found", path);
        }

        var lines = File.ReadAllLines(path);
        int headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (headerLine < 0)
        {
            throw new InvalidDataException($"annotations '{path}': empty file");
        }

        var header = lines[headerLine].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        var index = new int[Columns.Length];
        for (int c = 0; c < Columns.Length; c++)
        {
            index[c] = header.IndexOf(Columns[c]);
            if (index[c] < 0)
            {
                throw new InvalidDataException($"annotations '{path}': no column '{Columns[c]}' (need {string.Join(',', Columns)})");
            }
        }

        var legs = ImmutableArray.CreateBuilder<ClickedLeg>();
        var seen = new HashSet<(int, Side)>();
        for (int i = headerLine + 1; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split(',');
            string Cell(int c) => index[c] < cells.Length ? cells[index[c]].Trim() : string.Empty;
            double Number(int c) => double.TryParse(Cell(c), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                ? v
                : throw new InvalidDataException($"annotations '{path}' line {i + 1}: {Columns[c]} '{Cell(c)}' is not a number");
            if (!int.TryParse(Cell(0), NumberStyles.Integer, CultureInfo.InvariantCulture, out int frame) || frame < 0)
            {
                throw new InvalidDataException($"annotations '{path}' line {i + 1}: frame '{Cell(0)}' is not a frame number from 0");
            }

            var side = SideExtensions.Parse(Cell(1))
                ?? throw new InvalidDataException($"annotations '{path}' line {i + 1}: side '{Cell(1)}' is not left or right");
            if (!seen.Add((frame, side)))
            {
                throw new InvalidDataException($"annotations '{path}' line {i + 1}: frame {frame} {side.ToName()} is annotated twice");
            }

            legs.Add(new ClickedLeg(frame, side, new Point2(Number(2), Number(3)), new Point2(Number(4), Number(5)), new Point2(Number(6), Number(7))));
        }

        if (legs.Count == 0)
        {
            throw new InvalidDataException($"annotations '{path}': a header but no annotated leg");
        }

        return legs.ToImmutable();
    }
}
