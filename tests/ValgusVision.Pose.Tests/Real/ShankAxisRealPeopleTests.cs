using System.Globalization;
using OpenCvSharp;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using Xunit.Abstractions;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// The shank's silhouette axis (what the lunge test measures on) on real people — Human3.6M, COCO and MPII in
/// tests/data/mmpose, in every kind of pose and clothing — against the annotated knee → ankle line: for each leg whose
/// knee and ankle are annotated and whose axis the guards let through, the angle between the axis and the annotated
/// line, beside the angle between the model's own knee → ankle line and it. These are not side-view lunges (there is
/// no annotated one), so this says whether real outlines (calves, trousers, shoes) pull the axis off the joint line,
/// not how a lunge reads. Measured 2026-11-26 (full model): 11 of 16 annotated shanks read; mean |angle error| axis
/// 4.51°, model line 3.24° (largest 9.3° / 8.0°). The axis is the worse of the two here: loose trousers hang straight
/// down and pull a frontal shank's middle line towards the vertical (S7_Greeting, MPII 052475643: −7 to −9°). The
/// guard keeps that gap from growing (measured 1.3° + 0.7°); docs/accuracy.md says what it means for the lunge test.
/// </summary>
public class ShankAxisRealPeopleTests(ITestOutputHelper output)
{
    [Fact]
    public void Silhouette_axis_on_real_people_stays_within_its_measured_gap_to_the_model_line()
    {
        using var estimator = new BlazePoseEstimator(TestFiles.Options(PoseModelKind.Full) with { StaticImageMode = true, Subject = SubjectSelection.HighestScore });
        var refiner = new JointCentreRefiner();
        var result = new PoseResult();
        var axisErrors = new List<double>();
        var modelErrors = new List<double>();
        int legs = 0;
        foreach (var person in Annotations.H36m().Concat(Annotations.CocoSinglePerson()).Concat(Annotations.Mpii()))
        {
            using Mat image = TestFiles.ReadImage(person.Image);
            estimator.Estimate(TestFiles.ToFrame(image, 0), result);
            if (!result.HasPose || !result.HasSegmentation)
            {
                continue;
            }

            var axes = refiner.ShankAxes(result.Landmarks, new MaskSampler(result.Segmentation));
            foreach (var side in (ReadOnlySpan<Side>)[Side.Left, Side.Right])
            {
                var knee = person.Joints[side.Knee()];
                var ankle = person.Joints[side.Ankle()];
                if (knee.X <= 0 || ankle.X <= 0)
                {
                    continue;
                }

                legs++;
                if (axes.Of(side).CentreDeg is not { } axis)
                {
                    continue;
                }

                double truth = Degrees(ankle, knee);
                var mk = result.Landmarks[(int)side.Knee()];
                var ma = result.Landmarks[(int)side.Ankle()];
                double model = Degrees((ma.X, ma.Y), (mk.X, mk.Y));
                axisErrors.Add(Math.Abs(Wrap(axis - truth)));
                modelErrors.Add(Math.Abs(Wrap(model - truth)));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(person.Image)} {side}: annotated {truth:0.0}°, axis {axis:0.0}° ({Wrap(axis - truth):+0.0;-0.0}), model line {model:0.0}° ({Wrap(model - truth):+0.0;-0.0})"));
            }
        }

        double axisMean = axisErrors.Average(), modelMean = modelErrors.Average();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{axisErrors.Count} of {legs} annotated shanks read; mean |angle error| axis {axisMean:0.00}°, model line {modelMean:0.00}°; largest axis {axisErrors.Max():0.0}°, model {modelErrors.Max():0.0}°"));
        Assert.True(axisErrors.Count >= 8, $"only {axisErrors.Count} of {legs} annotated shanks had a silhouette axis");
        Assert.True(axisMean <= modelMean + 2.0, FormattableString.Invariant($"silhouette axis mean error {axisMean:0.00}° vs the model line's {modelMean:0.00}°"));
    }

    /// <summary>Degrees of the a → b direction from image up, + = to the right (as <see cref="ShankAxes"/>).</summary>
    private static double Degrees((float X, float Y) a, (float X, float Y) b) => Math.Atan2(b.X - a.X, -(b.Y - a.Y)) * 180 / Math.PI;

    private static double Wrap(double deg) => deg - (360 * Math.Round(deg / 360));
}
