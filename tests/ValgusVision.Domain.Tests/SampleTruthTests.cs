using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Truth;

namespace ValgusVision.Domain.Tests;

/// <summary>
/// The analysis on the exact joint centres of the rendered sample clips (samples/*.truth.csv, made by the
/// generator independently of this code) must reproduce the truth file's own metrics: the two implementations of
/// docs/metrics.md agree, and reps, stance and bottoms come out where the generator put them.
/// </summary>
public class SampleTruthTests
{
    [Theory]
    [InlineData("sls-left-valgus15", Side.Left)]
    [InlineData("sls-right-neutral", Side.Right)]
    [InlineData("sls-left-yaw20", Side.Left)]
    public void Analysis_of_the_true_joint_centres_matches_the_truth_metrics(string clip, Side stance)
    {
        var truth = SampleTruthReader.Read(TestPaths.Sample(clip + ".truth.csv"));
        var analysis = SessionAnalyzer.Analyze(Frames(truth), AnalysisSettings.Default);

        Assert.Equal(stance, truth.StanceLeg);
        Assert.Equal(3, truth.RepCount);
        Assert.Equal(Exercise.SingleLegSquat, analysis.Exercise);
        Assert.Equal(3, analysis.Reps.Length);
        foreach (var rep in analysis.Reps)
        {
            Assert.Equal(stance, rep.Side);
            var bottom = truth.Frames[rep.BottomFrame];
            Assert.Equal(TruthPhase.Bottom, bottom.Phase);
            Assert.Equal(rep.Index + 1, bottom.Rep);

            // The truth file rounds to 3 decimals.
            Assert.Equal(bottom.Leg(stance).FppaDeg, rep.FppaAtBottomDeg!.Value, 2);
            Assert.Equal(bottom.PelvicDropDeg, rep.PeakPelvicDropDeg!.Value, 2);

            // Ours normalise by the standing leg over the whole clip, the truth by the leg at the rep's start: the
            // same length here, up to the 3-decimal rounding of the truth's pixels.
            Near(bottom.HipShiftPct, rep.PeakHipShiftPct!.Value, 0.1);
            Near(bottom.DepthPct, rep.DepthPct!.Value, 0.1);

            // The change is from the rep's start: ours starts where the hip began to move, as the truth's does.
            double truthChange = truth.Frames.Where(r => r.Rep == bottom.Rep).Max(r => r.HipShiftChangePct);
            Near(truthChange, rep.PeakHipShiftChangePct!.Value, 0.1);
        }
    }

    private static void Near(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected} ± {tolerance}, got {actual}");

    /// <summary>Frames from the truth's joint centres (toe = foot index; visibility 1; no shoulders, no world).</summary>
    private static List<PoseFrame> Frames(SampleTruth truth)
    {
        var frames = new List<PoseFrame>();
        foreach (var row in truth.Frames)
        {
            var landmarks = new Landmark[BodyLandmarks.Count];
            foreach (var side in new[] { Side.Left, Side.Right })
            {
                var leg = row.Leg(side);
                Set(landmarks, side.Hip(), leg.Hip);
                Set(landmarks, side.Knee(), leg.Knee);
                Set(landmarks, side.Ankle(), leg.Ankle);
                Set(landmarks, side.Heel(), leg.Heel);
                Set(landmarks, side.FootIndex(), leg.Toe);
            }

            frames.Add(new PoseFrame(row.Frame, row.TimeSeconds, 1280, 720, true, ImmutableArray.Create(landmarks), [], 1, false));
        }

        return frames;
    }

    private static void Set(Landmark[] landmarks, BodyLandmark landmark, Point2 p) =>
        landmarks[(int)landmark] = new Landmark((float)p.X, (float)p.Y, 0, 1, 1);
}
