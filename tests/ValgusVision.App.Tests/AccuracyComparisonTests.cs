using ValgusVision.Tests.Support;
using ValgusVision.App.Evaluation;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Truth;

namespace ValgusVision.App.Tests;

/// <summary>The comparison's arithmetic on poses made from the truth itself, where every error is known beforehand.</summary>
public sealed class AccuracyComparisonTests : IDisposable
{
    private static readonly SampleTruth Truth = SampleTruthReader.Read(Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.truth.csv"));
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ClipAccuracy Compare(List<PoseFrame> poses) =>
        AccuracyComparison.Compare("clip.mp4", Truth, poses, SessionAnalyzer.Analyze(poses, AnalysisSettings.Default));

    [Fact]
    public void The_true_joint_centres_measure_without_error()
    {
        var accuracy = Compare(TruthPoses.From(Truth));

        Assert.True(accuracy.RepCountCorrect);
        Assert.Equal(3, accuracy.Reps.Length);
        Assert.All(accuracy.Reps, r => Assert.Equal(Side.Left, r.OurSide));
        Assert.Equal(3, accuracy.FppaAtBottoms.Count);
        Assert.True(accuracy.FppaAtBottoms.MaxAbs < 0.01, $"{accuracy.FppaAtBottoms.MaxAbs}");
        Assert.True(accuracy.FppaDeep.MaxAbs < 0.01);
        Assert.True(accuracy.FppaDeep.Count >= 3 * 5, $"{accuracy.FppaDeep.Count} deep frames");
        Assert.True(accuracy.HipShiftAtBottoms.MaxAbs < 0.1); // ours: standing leg over the clip; truth: at the rep's start
        Assert.All(accuracy.Joints, j => Assert.True(j.Pixels.P95 < 0.001));
        Assert.False(accuracy.ViewWarning);
        Assert.All(accuracy.Reps, r => Assert.Equal("bottom", Truth.Frames[r.BottomFrame!.Value].Phase.ToString().ToLowerInvariant()));
    }

    [Fact]
    public void A_joint_placed_10_px_off_shows_as_10_px_and_only_there()
    {
        var accuracy = Compare(TruthPoses.From(Truth, (landmark, lm) => landmark == BodyLandmark.RightAnkle ? lm with { X = lm.X + 10 } : lm));

        foreach (var joint in accuracy.Joints)
        {
            double expected = joint.Name == "right_ankle" ? 10 : 0;
            Assert.Equal(expected, joint.Pixels.Mean!.Value, 3);
            Assert.Equal(expected, joint.Pixels.P95!.Value, 3);
        }

        // The free leg's ankle does not enter the stance knee's FPPA.
        Assert.True(accuracy.FppaAtBottoms.MaxAbs < 0.01);
    }

    [Fact]
    public void A_stance_knee_moved_medially_reads_as_more_valgus_by_the_angle_it_makes()
    {
        // Left stance knee 8 px to the image's left (towards the right hip: medial) at every frame.
        var accuracy = Compare(TruthPoses.From(Truth, (landmark, lm) => landmark == BodyLandmark.LeftKnee ? lm with { X = lm.X - 8 } : lm));

        var rep = accuracy.Reps[0];
        var t = Truth.Frames[rep.BottomFrame!.Value].Left;
        double expected = Domain.Geometry.KneeFrontalPlaneAngle.Degrees(
            t.Hip, t.Knee with { X = t.Knee.X - 8 }, t.Ankle, Truth.Frames[rep.BottomFrame.Value].Right.Hip)!.Value - t.FppaDeg;
        Assert.True(expected > 1, $"{expected}");
        Assert.Equal(expected, rep.FppaAtBottom.Bias!.Value, 2);
        Assert.Equal(Math.Abs(expected), rep.FppaAtBottom.MeanAbs!.Value, 2);
    }

    [Fact]
    public void The_tables_hold_one_row_per_clip_and_one_per_rep()
    {
        var clip = Compare(TruthPoses.From(Truth));
        var result = new EvaluationResult([clip], ["truth 'x.truth.csv' not found: clip 'x.mp4' has no truth file beside it"], "full", PoseLevers.Default, 12.3);

        var written = EvaluationOutputs.Write(result, _dir.File("eval"));

        string markdown = File.ReadAllText(written[0]);
        Assert.Contains("| clip.mp4 | all | left | frontal", markdown, StringComparison.Ordinal);
        Assert.Contains("| 15.0 → 15.0 | 0.0 | 0.0 | 0.0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("- truth 'x.truth.csv' not found", markdown, StringComparison.Ordinal);
        Assert.Contains("mean absolute error 0.0°, bias 0.0°, largest 0.0° over 3 reps", markdown, StringComparison.Ordinal);
        var csv = File.ReadAllLines(written[1]);
        Assert.Equal(1 + 1 + 3, csv.Length);
        Assert.StartsWith("clip,model,levers,rep,truth_stance,our_side,", csv[0], StringComparison.Ordinal);
        Assert.StartsWith("clip.mp4,full,defaults,all,left,left,no,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("clip.mp4,full,defaults,2,left,left,no,", csv[3], StringComparison.Ordinal);
        Assert.All(csv, line => Assert.Equal(csv[0].Split(',').Length, line.Split(',').Length));
        Assert.Equal(["eval.csv", "eval.md"], Directory.GetFiles(_dir.File("eval")).Select(Path.GetFileName).Order());
    }
}
