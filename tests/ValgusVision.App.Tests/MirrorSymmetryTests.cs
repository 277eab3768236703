using ValgusVision.Tests.Support;
using System.Collections.Immutable;
using ValgusVision.App.Evaluation;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Truth;
using ValgusVision.Pose.Landmarks;

namespace ValgusVision.App.Tests;

/// <summary>The mirror comparison itself: exact poses and their exact mirror (legs swapped) agree to rounding; a knee moved in one does not.</summary>
public class MirrorSymmetryTests
{
    private static readonly SampleTruth Truth = SampleTruthReader.Read(Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.truth.csv"));

    private static List<PoseFrame> Mirrored(List<PoseFrame> poses, float kneeShiftPx = 0) =>
        [.. poses.Select(p =>
        {
            var m = new Landmark[p.Landmarks.Length];
            for (int i = 0; i < m.Length; i++)
            {
                var l = p.Landmarks[i];
                m[FlipAveraging.Partner(i)] = l with { X = p.ImageWidth - l.X };
            }

            var knee = m[(int)BodyLandmark.RightKnee];
            m[(int)BodyLandmark.RightKnee] = knee with { X = knee.X + kneeShiftPx };
            return p with { Landmarks = ImmutableArray.Create(m) };
        })];

    [Fact]
    public void Exact_poses_and_their_mirror_agree()
    {
        var poses = TruthPoses.From(Truth);
        var original = SessionAnalyzer.Analyze(poses, AnalysisSettings.Default);
        var mirror = SessionAnalyzer.Analyze(Mirrored(poses), AnalysisSettings.Default);

        var symmetry = MirrorSymmetry.Compare("exact", original, mirror);

        Assert.True(symmetry.Frames > 100, $"{symmetry.Frames} frames");
        Assert.InRange(symmetry.WorstDeg!.Value, 0, 1e-6);
    }

    [Fact]
    public void A_knee_moved_only_in_the_mirror_shows()
    {
        var poses = TruthPoses.From(Truth);
        var original = SessionAnalyzer.Analyze(poses, AnalysisSettings.Default);
        // The original's stance leg is the left; in the mirror that leg is labelled right.
        var mirror = SessionAnalyzer.Analyze(Mirrored(poses, kneeShiftPx: 3), AnalysisSettings.Default);

        Assert.True(MirrorSymmetry.Compare("moved", original, mirror).MeanAbsDeg > 0.5);
    }

    /// <summary>Both legs on the ground, the right the left's mirror about the hips' midline: no frame has a stance leg.</summary>
    private static List<PoseFrame> BothFeetDown(List<PoseFrame> poses) =>
        [.. poses.Select(p =>
        {
            var m = p.Landmarks.ToArray();
            float midline = (m[(int)BodyLandmark.LeftHip].X + m[(int)BodyLandmark.RightHip].X) / 2;
            foreach (var (left, right) in JointPairs)
            {
                var l = m[(int)left];
                m[(int)right] = l with { X = (2 * midline) - l.X };
            }

            return p with { Landmarks = ImmutableArray.Create(m) };
        })];

    private static readonly (BodyLandmark Left, BodyLandmark Right)[] JointPairs =
    [
        (BodyLandmark.LeftHip, BodyLandmark.RightHip), (BodyLandmark.LeftKnee, BodyLandmark.RightKnee),
        (BodyLandmark.LeftAnkle, BodyLandmark.RightAnkle), (BodyLandmark.LeftHeel, BodyLandmark.RightHeel),
        (BodyLandmark.LeftFootIndex, BodyLandmark.RightFootIndex),
    ];

    [Fact]
    public void A_clip_without_a_stance_leg_is_compared_on_both_legs()
    {
        var poses = BothFeetDown(TruthPoses.From(Truth));
        var original = SessionAnalyzer.Analyze(poses, AnalysisSettings.Default);
        Assert.DoesNotContain(original.Frames, f => f.Stance is not null);

        var exact = MirrorSymmetry.Compare("exact", original, SessionAnalyzer.Analyze(Mirrored(poses), AnalysisSettings.Default));
        var moved = MirrorSymmetry.Compare("moved", original, SessionAnalyzer.Analyze(Mirrored(poses, kneeShiftPx: 3), AnalysisSettings.Default));

        Assert.True(exact.BothLegs);
        Assert.True(exact.Frames > 2 * 100, $"{exact.Frames} leg-frames");
        Assert.InRange(exact.WorstDeg!.Value, 0, 1e-6);
        Assert.EndsWith(",both", exact.CsvRow(), StringComparison.Ordinal);

        // Only one of the two legs moved: half the leg-frames differ.
        Assert.True(moved.WorstDeg > 1, $"worst {moved.WorstDeg}°");
        Assert.True(moved.MeanAbsDeg > 0.25, $"mean {moved.MeanAbsDeg}°");
    }
}

