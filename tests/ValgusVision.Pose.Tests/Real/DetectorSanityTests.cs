using System.Buffers;
using OpenCvSharp;
using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Detection;
using ValgusVision.Pose.Runtime;
using Xunit.Abstractions;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// Issue 9 item 6 on our decoding: one person → best detection > 0.5 with its hip-centre keypoint on the person;
/// no person → no detection above 0.5.
/// </summary>
public class DetectorSanityTests(ITestOutputHelper output)
{
    private static unsafe PoseDetection? Best(Mat image, out int count)
    {
        ImageFrame frame = TestFiles.ToFrame(image, 0);
        using var detector = new PoseDetector(TestFiles.Model(PoseModels.DetectorFileName), 2);
        using var frameImage = new FrameImage();
        using MemoryHandle pin = frame.Pixels.Pin();
        frameImage.Attach((nint)pin.Pointer, frame.Width, frame.Height, frame.StrideBytes, frame.Format);
        count = detector.Detect(frameImage, frame.Width, frame.Height, 0.5f, out _, out _);
        return count > 0 ? detector.Candidates[0] : null;
    }

    public static TheoryData<string> OnePersonImages()
    {
        var data = new TheoryData<string>();
        foreach (AnnotatedPerson p in Annotations.H36m().Concat(Annotations.CocoSinglePerson()))
        {
            data.Add(p.Image);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OnePersonImages))]
    public void One_person_gives_a_confident_detection_with_its_hip_centre_on_the_person(string image)
    {
        AnnotatedPerson person = Annotations.H36m().Concat(Annotations.CocoSinglePerson()).Single(p => p.Image == image);
        using Mat mat = TestFiles.ReadImage(image);

        PoseDetection? best = Best(mat, out int count);

        Assert.NotNull(best);
        (float X, float Y) hip = (best.Value.HipCenterX * mat.Cols, best.Value.HipCenterY * mat.Rows);
        float offTorsos = AnnotatedPerson.Distance(hip, person.HipCentre) / person.TorsoPixels;
        output.WriteLine($"{image}: {count} candidates, best score {best.Value.Score:0.000}, hip centre ({hip.X:0}, {hip.Y:0}) vs truth ({person.HipCentre.X:0}, {person.HipCentre.Y:0}): {offTorsos:0.00} torso");
        Assert.True(best.Value.Score > 0.5f);
        Assert.True(offTorsos < 0.5f, $"hip centre {offTorsos:0.00} torso lengths from the annotated mid-hip");
    }

    [Fact]
    public void Plain_and_noise_images_give_no_detection()
    {
        using var gray = new Mat(480, 640, MatType.CV_8UC3, new Scalar(128, 128, 128));
        using var noise = new Mat(480, 640, MatType.CV_8UC3);
        Cv2.Randu(noise, Scalar.All(0), Scalar.All(255));

        Assert.Null(Best(gray, out _));
        Assert.Null(Best(noise, out _));
    }

    [Fact]
    public void Background_crop_without_the_person_gives_no_detection()
    {
        // Human3.6M S1: the person's box is x 265–668, y 264–667; the right third of the room is empty.
        using Mat image = TestFiles.ReadImage("images/h36m/S1_Directions_1.54138969_000001.jpg");
        using Mat background = new Mat(image, new Rect(700, 0, 300, 1000)).Clone();

        Assert.Null(Best(background, out _));
    }
}
