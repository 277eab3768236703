using System.Collections.Immutable;
using System.Globalization;

namespace ValgusVision.App.Evaluation;

/// <summary>One angle value Kinovea exported, at a video time.</summary>
public readonly record struct KinoveaAngle(double TimeSeconds, double AngleDeg)
{
    /// <summary>
    /// The FPPA magnitude the value stands for: an angle above 90° is the included angle at the knee (a straight leg
    /// reads 180°, FPPA = 180° − angle, Munro et al. 2012's way of measuring it in Kinovea); a smaller one is taken as
    /// the deviation itself. Kinovea's angle carries no valgus/varus sign, so comparisons use magnitudes.
    /// </summary>
    public double FppaMagnitudeDeg => AngleDeg > 90 ? 180 - AngleDeg : Math.Abs(AngleDeg);
}

/// <summary>
/// Reads an angle CSV as Kinovea's spreadsheet export writes it (docs/annotations.md): a header row, time in the first
/// column (milliseconds when its header says "ms", else seconds), one column per angle. Comma- or semicolon-separated;
/// with semicolons a decimal comma is accepted. The column is chosen by name (<c>--kinovea-column</c>) or is the
/// second one. Problems are one <see cref="InvalidDataException"/> naming the file and line.
/// </summary>
public static class KinoveaAngles
{
    public static ImmutableArray<KinoveaAngle> Read(string path, string? column = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Kinovea angles '{path}' not found", path);
        }

        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count < 2)
        {
            throw new InvalidDataException($"Kinovea angles '{path}': need a header and at least one row");
        }

        char separator = lines[0].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var header = lines[0].Split(separator).Select(h => h.Trim().Trim('"')).ToList();
        int angleColumn = column is null ? 1 : header.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        if (angleColumn < 1 || angleColumn >= header.Count)
        {
            throw new InvalidDataException(column is null
                ? $"Kinovea angles '{path}': no angle column after the time"
                : $"Kinovea angles '{path}': no column '{column}' (columns: {string.Join(", ", header)})");
        }

        double toSeconds = header[0].Contains("ms", StringComparison.OrdinalIgnoreCase) ? 0.001 : 1;
        var angles = ImmutableArray.CreateBuilder<KinoveaAngle>();
        for (int i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(separator);
            if (angleColumn >= cells.Length || cells[angleColumn].Trim().Length == 0)
            {
                continue; // Kinovea leaves a cell empty where the angle was not drawn
            }

            angles.Add(new KinoveaAngle(Number(cells[0], i) * toSeconds, Number(cells[angleColumn], i)));
        }

        return angles.Count > 0 ? angles.ToImmutable() : throw new InvalidDataException($"Kinovea angles '{path}': no values in column '{header[angleColumn]}'");

        double Number(string cell, int line)
        {
            string text = cell.Trim().Trim('"');
            text = separator == ';' ? text.Replace(',', '.') : text;
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                ? v
                : throw new InvalidDataException($"Kinovea angles '{path}' line {line + 1}: '{cell.Trim()}' is not a number");
        }
    }
}
