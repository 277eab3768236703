using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

/// <summary>
/// The analysis on the exact joint centres of the rendered sample clips (samples/*.truth.csv, made by the
/// generator independently of this code) must reproduce the truth file's own metrics: the two implementations of
/// METRICS.md agree, and reps, stance and bottoms come out where the generator put them.
/// </summary>
public class SampleTruthTests
{
    [Theory]
    [InlineData("sls-left-valgus15", Side.Left)]
    [InlineData("sls-right-neutral", Side.Right)]
    [InlineData("sls-left-yaw20", Side.Left)]
    public void Analysis_of_the_true_joint_centres_matches_the_truth_metrics(string clip, Side stance)
    {
        var (frames, truth) = Load(clip);
        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default);

        Assert.Equal(Exercise.SingleLegSquat, analysis.Exercise);
        Assert.Equal(3, analysis.Reps.Length);
        foreach (var rep in analysis.Reps)
        {
            Assert.Equal(stance, rep.Side);
            var bottom = truth[rep.BottomFrame];
            Assert.Equal("bottom", bottom["phase"]);
            Assert.Equal((rep.Index + 1).ToString(CultureInfo.InvariantCulture), bottom["rep"]);

            // The truth file rounds to 3 decimals.
            Assert.Equal(Number(bottom, stance.ToName() + "_fppa_deg"), rep.FppaAtBottomDeg!.Value, 2);
            Assert.Equal(Number(bottom, "pelvic_drop_deg"), rep.PeakPelvicDropDeg!.Value, 2);

            // Ours normalise by the standing leg over the whole clip, the truth by the leg at the rep's start: the
            // same length here, up to the 3-decimal rounding of the truth's pixels.
            Near(Number(bottom, "hip_shift_pct"), rep.PeakHipShiftPct!.Value, 0.1);
            Near(Number(bottom, "depth_pct"), rep.DepthPct!.Value, 0.1);

            // The change is from the rep's start: ours starts where the hip began to move, as the truth's does.
            double truthChange = truth.Where(r => r["rep"] == bottom["rep"]).Max(r => Number(r, "hip_shift_change_pct"));
            Near(truthChange, rep.PeakHipShiftChangePct!.Value, 0.1);
        }
    }

    private static void Near(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected} ± {tolerance}, got {actual}");

    /// <summary>Frames from the truth CSV's joint centres (toe = foot index; visibility 1; no shoulders, no world).</summary>
    private static (List<PoseFrame> Frames, List<Dictionary<string, string>> Rows) Load(string clip)
    {
        string path = Path.Combine(RepositoryRoot(), "samples", clip + ".truth.csv");
        var lines = File.ReadAllLines(path);
        var header = FramesCsvReader.SplitLine(lines[0]);
        var rows = new List<Dictionary<string, string>>();
        var frames = new List<PoseFrame>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = FramesCsvReader.SplitLine(line);
            var row = header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
            rows.Add(row);
            var landmarks = new Landmark[BodyLandmarks.Count];
            foreach (var side in new[] { Side.Left, Side.Right })
            {
                string s = side.ToName();
                Set(landmarks, side.Hip(), row, s + "_hip");
                Set(landmarks, side.Knee(), row, s + "_knee");
                Set(landmarks, side.Ankle(), row, s + "_ankle");
                Set(landmarks, side.Heel(), row, s + "_heel");
                Set(landmarks, side.FootIndex(), row, s + "_toe");
            }

            frames.Add(new PoseFrame(int.Parse(row["frame"], CultureInfo.InvariantCulture), Number(row, "time_s"), 1280, 720, true, ImmutableArray.Create(landmarks), [], 1, false));
        }

        Assert.Equal(rows.Count, int.Parse(rows[^1]["frame"], CultureInfo.InvariantCulture) + 1);
        return (frames, rows);
    }

    private static void Set(Landmark[] landmarks, BodyLandmark landmark, Dictionary<string, string> row, string prefix) =>
        landmarks[(int)landmark] = new Landmark((float)Number(row, prefix + "_x"), (float)Number(row, prefix + "_y"), 0, 1, 1);

    private static double Number(Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    /// <summary>
    /// The folder holding ValgusVision.sln, above the test assembly — or, when built into an outside artifacts
    /// folder, above this source file.
    /// </summary>
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty })
        {
            for (var dir = new DirectoryInfo(start); dir is not null && start.Length > 0; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ValgusVision.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"no ValgusVision.sln above {AppContext.BaseDirectory} or {sourceFile}");
    }
}
