using OpenCvSharp;
using ValgusVision.Domain.Pose;
using Xunit.Abstractions;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// Landmarks on real people against human or marker-based truth: PCK of hips, knees and ankles at 0.1 and 0.2 of the
/// torso (mid-shoulder to mid-hip), static-image mode, MediaPipe's subject rule. Measured 2026-11-26 (full model):
/// H36M PCK@0.1 42 %, PCK@0.2 83 % (24 joints; knees and ankles 10/16 at 0.1, hips 0/8: Human3.6M's hip joint
/// centres sit 0.15–0.25 torso from BlazePose's hip points); COCO + MPII PCK@0.2 66 % (one MPII image annotates a
/// different person from the one BlazePose picks); lite on H36M PCK@0.1 33 %, PCK@0.2 71 %. The bounds sit just
/// under those numbers so a regression in the pipeline fails them.
/// </summary>
public class LandmarkAccuracyTests(ITestOutputHelper output)
{
    private static (int Within01, int Within02, int Count, List<string> Lines) Evaluate(IEnumerable<AnnotatedPerson> people, PoseModelKind model)
    {
        using var estimator = new BlazePoseEstimator(TestFiles.Options(model) with { StaticImageMode = true, Subject = SubjectSelection.HighestScore });
        var result = new PoseResult();
        int within01 = 0, within02 = 0, count = 0;
        var lines = new List<string>();
        foreach (AnnotatedPerson person in people)
        {
            using Mat image = TestFiles.ReadImage(person.Image);
            estimator.Estimate(TestFiles.ToFrame(image, 0), result);
            var errors = new List<string>();
            foreach (BodyLandmark joint in AnnotatedPerson.LegJoints)
            {
                (float X, float Y) truth = person.Joints[joint];
                if (truth.X <= 0 && truth.Y <= 0)
                {
                    continue; // not annotated
                }

                float error = result.HasPose
                    ? AnnotatedPerson.Distance(truth, (result.Landmarks[(int)joint].X, result.Landmarks[(int)joint].Y)) / person.TorsoPixels
                    : float.PositiveInfinity;
                count++;
                within01 += error <= 0.1f ? 1 : 0;
                within02 += error <= 0.2f ? 1 : 0;
                errors.Add($"{joint} {error:0.000}");
            }

            lines.Add($"{person.Image}: pose {result.HasPose}, presence {result.PresenceScore:0.00}, torso {person.TorsoPixels:0} px, error/torso: {string.Join(", ", errors)}");
        }

        return (within01, within02, count, lines);
    }

    private void Report(string name, (int Within01, int Within02, int Count, List<string> Lines) r)
    {
        foreach (string line in r.Lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine($"{name}: PCK@0.1 = {(double)r.Within01 / r.Count:P0}, PCK@0.2 = {(double)r.Within02 / r.Count:P0} over {r.Count} joints");
    }

    [Fact]
    public void Human36m_hips_knees_and_ankles_are_mostly_within_a_fifth_of_the_torso()
    {
        var r = Evaluate(Annotations.H36m(), PoseModelKind.Full);
        Report("H36M full", r);

        Assert.True(r.Within01 >= 0.35 * r.Count, $"PCK@0.1 {r.Within01}/{r.Count}");
        Assert.True(r.Within02 >= 0.75 * r.Count, $"PCK@0.2 {r.Within02}/{r.Count}");
    }

    [Fact]
    public void Coco_and_mpii_people_have_their_legs_found()
    {
        var r = Evaluate(Annotations.CocoSinglePerson().Concat(Annotations.Mpii()), PoseModelKind.Full);
        Report("COCO single + MPII full", r);

        Assert.True(r.Within02 >= 0.6 * r.Count, $"PCK@0.2 {r.Within02}/{r.Count}");
    }

    [Fact]
    public void Lite_model_finds_the_human36m_legs_too()
    {
        var r = Evaluate(Annotations.H36m(), PoseModelKind.Lite);
        Report("H36M lite", r);

        Assert.True(r.Within02 >= 0.65 * r.Count, $"PCK@0.2 {r.Within02}/{r.Count}");
    }
}
