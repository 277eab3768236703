using System.Collections.Immutable;
using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;
using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Truth;

/// <summary>
/// Reads a rendered sample's <c>&lt;clip&gt;.truth.csv</c> (format: samples/README.md). Strict, because every accuracy
/// figure rests on it: a missing column, a cell that is not a number, a gap in the frame numbers or a clip with two
/// stance legs is an <see cref="InvalidDataException"/> whose one-line message names the file, line and column.
/// </summary>
public static class SampleTruthReader
{
    private static readonly string[] Joints = ["hip", "knee", "ankle", "heel", "toe"];

    public static SampleTruth Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"truth '{path}' not found", path);
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static SampleTruth Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? headerLine = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(headerLine))
        {
            throw new InvalidDataException($"truth '{sourceName}' is empty");
        }

        var header = FramesCsvReader.SplitLine(headerLine);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++)
        {
            index[header[i].Trim()] = i;
        }

        foreach (string column in RequiredColumns())
        {
            if (!index.ContainsKey(column))
            {
                throw new InvalidDataException(
                    $"truth '{sourceName}' has no column '{column}': not a single-leg squat truth file (samples/README.md)");
            }
        }

        var frames = ImmutableArray.CreateBuilder<TruthFrame>();
        Side? stanceLeg = null;
        int repCount = 0;
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var row = new Row(FramesCsvReader.SplitLine(line), index, sourceName, lineNumber, header.Count);
            var frame = row.Frame();
            if (frame.Frame != frames.Count)
            {
                throw row.Error("frame", $"frame {frame.Frame} where frame {frames.Count} was expected (rows must number the video's frames from 0)");
            }

            if (frame.Stance is { } s)
            {
                if (stanceLeg is { } known && known != s)
                {
                    throw row.Error("stance", $"'{s.ToName()}' after '{known.ToName()}': a clip has one stance leg");
                }

                stanceLeg = s;
            }

            repCount = Math.Max(repCount, frame.Rep);
            frames.Add(frame);
        }

        if (frames.Count == 0)
        {
            throw new InvalidDataException($"truth '{sourceName}' has a header but no frames");
        }

        if (stanceLeg is null || repCount == 0)
        {
            throw new InvalidDataException($"truth '{sourceName}' has no stance leg or no rep: nothing to compare against");
        }

        return new SampleTruth(sourceName, stanceLeg.Value, repCount, frames.ToImmutable());
    }

    private static IEnumerable<string> RequiredColumns()
    {
        foreach (string column in new[] { "frame", "time_s", "stance", "rep", "phase" })
        {
            yield return column;
        }

        foreach (string side in new[] { "left", "right" })
        {
            foreach (string joint in Joints)
            {
                yield return $"{side}_{joint}_x";
                yield return $"{side}_{joint}_y";
            }

            yield return side + "_fppa_deg";
        }

        foreach (string column in new[] { "hip_shift_pct", "hip_shift_change_pct", "pelvic_drop_deg", "depth_pct" })
        {
            yield return column;
        }
    }

    private readonly struct Row(List<string> cells, Dictionary<string, int> index, string source, int line, int columns)
    {
        public TruthFrame Frame()
        {
            if (cells.Count != columns)
            {
                throw new InvalidDataException($"truth '{source}' line {line}: {cells.Count} cells, the header has {columns}");
            }

            return new TruthFrame(
                Integer("frame"),
                Number("time_s"),
                Stance(),
                Integer("rep"),
                Phase(),
                Leg("left"),
                Leg("right"),
                Number("hip_shift_pct"),
                Number("hip_shift_change_pct"),
                Number("pelvic_drop_deg"),
                Number("depth_pct"));
        }

        public InvalidDataException Error(string column, string problem) => new($"truth '{source}' line {line}, column {column}: {problem}");

        private TruthLeg Leg(string side) => new(
            Point(side + "_hip"), Point(side + "_knee"), Point(side + "_ankle"), Point(side + "_heel"), Point(side + "_toe"),
            Number(side + "_fppa_deg"));

        private Point2 Point(string prefix) => new(Number(prefix + "_x"), Number(prefix + "_y"));

        private string Cell(string column) => cells[index[column]].Trim();

        private double Number(string column)
        {
            string text = Cell(column);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                ? v
                : throw Error(column, $"'{text}' is not a number");
        }

        private int Integer(string column)
        {
            string text = Cell(column);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= 0
                ? v
                : throw Error(column, $"'{text}' is not a whole number ≥ 0");
        }

        private Side? Stance()
        {
            string text = Cell("stance");
            return text == "none" ? null : SideExtensions.Parse(text) ?? throw Error("stance", $"'{text}' is not none, left or right");
        }

        private TruthPhase Phase() => Cell("phase") switch
        {
            "standing" => TruthPhase.Standing,
            "down" => TruthPhase.Down,
            "bottom" => TruthPhase.Bottom,
            "up" => TruthPhase.Up,
            var other => throw Error("phase", $"'{other}' is not standing, down, bottom or up"),
        };
    }
}
