using System.Globalization;

namespace LandmarkCheck;

/// <summary>One row of a sample's truth CSV: joint centres in image pixels, keyed like "left_knee".</summary>
internal sealed record TruthFrame(int Frame, string Stance, int Rep, string Phase, IReadOnlyDictionary<string, (double X, double Y)> Joints,
    double LeftFppaDeg, double RightFppaDeg)
{
    public static IReadOnlyList<TruthFrame> ReadAll(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length < 2)
        {
            throw new InvalidDataException($"{path}: no truth rows");
        }
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{path}: column '{name}' is missing");
        var rows = new List<TruthFrame>(lines.Length - 1);
        string[] joints = ["hip", "knee", "ankle", "heel", "toe"];
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            double D(string name) => double.Parse(f[Col(name)], CultureInfo.InvariantCulture);
            var map = new Dictionary<string, (double, double)>();
            foreach (var side in new[] { "left", "right" })
            {
                foreach (var j in joints)
                {
                    map[$"{side}_{j}"] = (D($"{side}_{j}_x"), D($"{side}_{j}_y"));
                }
            }
            rows.Add(new TruthFrame(int.Parse(f[Col("frame")], CultureInfo.InvariantCulture), f[Col("stance")],
                int.Parse(f[Col("rep")], CultureInfo.InvariantCulture), f[Col("phase")], map,
                D("left_fppa_deg"), D("right_fppa_deg")));
        }
        return rows;
    }
}
