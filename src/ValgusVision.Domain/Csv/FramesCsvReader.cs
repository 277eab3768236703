using System.Collections.Immutable;
using System.Globalization;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Csv;

/// <summary>
/// Reads the pose columns of a frames CSV (docs/frames-csv.md) back into <see cref="PoseFrame"/>s. Columns are found
/// by name (any order; unknown and metric columns are ignored). Only <c>frame</c> and <c>time_s</c> are required; a
/// joint whose columns are missing or empty gets visibility 0 (undefined), landmarks not stored in the CSV likewise.
/// Errors name the source, line and column.
/// </summary>
public static class FramesCsvReader
{
    public static IReadOnlyList<PoseFrame> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such frames CSV", path);
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static IReadOnlyList<PoseFrame> Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? headerLine = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(headerLine))
        {
            throw new InvalidDataException($"{sourceName}: empty file, expected a frames CSV header starting with 'frame,time_s'");
        }

        var header = SplitLine(headerLine.TrimStart('\uFEFF'));
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i].Trim(), i);
        }

        int frameCol = Require(index, FramesCsvColumns.Frame, sourceName);
        int timeCol = Require(index, FramesCsvColumns.Time, sourceName);
        var joints = FindJointColumns(index);
        var frames = new List<PoseFrame>();
        int lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = SplitLine(line);
            var row = new Row(cells, index, sourceName, lineNumber);
            frames.Add(ReadFrame(row, frameCol, timeCol, joints));
        }

        return frames;
    }

    private static PoseFrame ReadFrame(Row row, int frameCol, int timeCol, List<JointColumn> joints)
    {
        int frameIndex = row.Int(frameCol, FramesCsvColumns.Frame) ?? throw row.Error(FramesCsvColumns.Frame, "is empty");
        double time = row.Double(timeCol, FramesCsvColumns.Time) ?? throw row.Error(FramesCsvColumns.Time, "is empty");
        int width = row.Int(FramesCsvColumns.ImageWidth) ?? 0;
        int height = row.Int(FramesCsvColumns.ImageHeight) ?? 0;
        bool legSwap = row.Int(FramesCsvColumns.LegSwap) is 1;
        int? people = row.Int(FramesCsvColumns.PeopleDetected);
        var refinement = new JointRefinement(
            JointRefinement.ParseNames(row.Text(FramesCsvColumns.Refined)),
            JointRefinement.ParseNames(row.Text(FramesCsvColumns.RefineKept)),
            RefinementIssues.Parse(row.Text(FramesCsvColumns.RefineIssue)));
        var hips = Hips(row);
        var landmarks = new Landmark[BodyLandmarks.Count];
        var world = new WorldLandmark[BodyLandmarks.Count];
        bool anyLandmark = false, anyWorld = false;
        foreach (var joint in joints)
        {
            float? x = row.Float(joint.X), y = row.Float(joint.Y);
            if (x is null || y is null)
            {
                continue;
            }

            float visibility = row.Float(joint.Visibility) ?? 0f;
            anyLandmark = true;
            landmarks[(int)joint.Landmark] = new Landmark(x.Value, y.Value, 0f, visibility, 0f);
            if (row.Float(joint.WorldX) is { } wx && row.Float(joint.WorldY) is { } wy && row.Float(joint.WorldZ) is { } wz)
            {
                anyWorld = true;
                world[(int)joint.Landmark] = new WorldLandmark(wx, wy, wz, visibility);
            }
        }

        bool hasPose = row.Int(FramesCsvColumns.HasPose) is { } flag ? flag == 1 && anyLandmark : anyLandmark;
        if (!hasPose)
        {
            bool subjectLost = row.Text(FramesCsvColumns.LeftFppaStatus) == FramesCsvWriter.Status(Analysis.MeasureStatus.SubjectLost);
            return PoseFrame.NoPose(frameIndex, time, width, height) with { LegSwapSuspected = legSwap, PeopleDetected = people, SubjectLost = subjectLost };
        }

        float presence = row.Float(FramesCsvColumns.Presence) ?? 1f;
        return new PoseFrame(frameIndex, time, width, height, true, ImmutableArray.Create(landmarks), anyWorld ? ImmutableArray.Create(world) : [], presence, legSwap)
        {
            PeopleDetected = people,
            Refinement = refinement,
            Hips = hips,
            ShankAxes = new ShankAxes(
                new ShankAxis(row.Double(FramesCsvColumns.LeftShankAxis), row.Double(FramesCsvColumns.LeftShin)),
                new ShankAxis(row.Double(FramesCsvColumns.RightShankAxis), row.Double(FramesCsvColumns.RightShin))),
            FootBases = new FootBases(
                Base(row.Double(FramesCsvColumns.LeftFootBaseX), row.Double(FramesCsvColumns.LeftFootBaseWidth)),
                Base(row.Double(FramesCsvColumns.RightFootBaseX), row.Double(FramesCsvColumns.RightFootBaseWidth))),
        };
    }

    /// <summary>The hip estimator's columns; a file from before they existed (or of a run without one) reads as none asked for.</summary>
    private static HipPlacement Hips(Row row)
    {
        string kept = row.Text(FramesCsvColumns.HipsKept);
        return row.Int(FramesCsvColumns.HipsMoved) switch
        {
            null => default,
            1 => HipPlacement.Placed,
            0 => HipPlacement.KeptBecause(HipPlacement.ParseIssue(kept) ?? throw row.Error(FramesCsvColumns.HipsKept, $"'{kept}' is not a reason the hips were kept")),
            var other => throw row.Error(FramesCsvColumns.HipsMoved, $"{other} is not 1, 0 or empty"),
        };
    }

    private static FootBase? Base(double? x, double? width) => x is { } m && width is { } w ? new FootBase(m, w) : null;

    private static int Require(Dictionary<string, int> index, string column, string sourceName) =>
        index.TryGetValue(column, out int i) ? i : throw new InvalidDataException($"{sourceName}: no '{column}' column; a frames CSV needs at least 'frame' and 'time_s'");

    private sealed record JointColumn(BodyLandmark Landmark, int X, int Y, int Visibility, int WorldX, int WorldY, int WorldZ);

    private static List<JointColumn> FindJointColumns(Dictionary<string, int> index)
    {
        var joints = new List<JointColumn>();
        foreach (var side in new[] { Side.Left, Side.Right })
        {
            foreach (var (name, landmarkOf) in FramesCsvColumns.Joints)
            {
                int Col(string suffix) => index.TryGetValue(FramesCsvColumns.JointColumn(side, name, suffix), out int i) ? i : -1;
                var joint = new JointColumn(landmarkOf(side), Col("x"), Col("y"), Col("visibility"), Col("world_x"), Col("world_y"), Col("world_z"));
                if (joint.X >= 0 && joint.Y >= 0)
                {
                    joints.Add(joint);
                }
            }
        }

        return joints;
    }

    /// <summary>Splits one CSV line; handles double-quoted cells (as spreadsheets write them), not embedded newlines.</summary>
    public static List<string> SplitLine(string line)
    {
        var cells = new List<string>();
        ArgumentNullException.ThrowIfNull(line);
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
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
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>One data row with typed, error-reporting access to its cells.</summary>
    private readonly struct Row(List<string> cells, Dictionary<string, int> index, string source, int line)
    {
        public int? Int(string column) => index.TryGetValue(column, out int i) ? Int(i, column) : null;

        public double? Double(string column) => index.TryGetValue(column, out int i) ? Double(i, column) : null;

        public float? Float(string column) => index.TryGetValue(column, out int i) ? Float(i) : null;

        public string Text(string column) => index.TryGetValue(column, out int i) ? Cell(i) : string.Empty;

        public int? Int(int col, string column)
        {
            string text = Cell(col);
            if (text.Length == 0)
            {
                return null;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw Error(column, $"'{text}' is not a whole number");
        }

        public double? Double(int col, string column)
        {
            string text = Cell(col);
            if (text.Length == 0)
            {
                return null;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                ? v
                : throw Error(column, $"'{text}' is not a number");
        }

        public float? Float(int col)
        {
            string text = Cell(col);
            if (text.Length == 0)
            {
                return null;
            }

            // NaN is accepted (the analysis treats it as undefined); garbage is not.
            return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float v)
                ? v
                : throw Error(ColumnName(col), $"'{text}' is not a number");
        }

        public InvalidDataException Error(string column, string problem) => new($"{source} line {line}, column {column}: {problem}");

        private string Cell(int col) => col >= 0 && col < cells.Count ? cells[col].Trim() : string.Empty;

        private string ColumnName(int col)
        {
            foreach (var (name, i) in index)
            {
                if (i == col)
                {
                    return name;
                }
            }

            return col.ToString(CultureInfo.InvariantCulture);
        }
    }
}
