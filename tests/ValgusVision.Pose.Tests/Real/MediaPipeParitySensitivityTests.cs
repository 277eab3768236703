using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Landmarks;
using ValgusVision.Pose.Runtime;
using Xunit.Abstractions;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// Why the worst joints of the MediaPipe parity test cannot be closed by the pipeline: a low-visibility joint (the
/// lifted free foot of samples/sls-left-valgus15.mp4, frames 25–34) sits in one of two places about 9 px apart, and
/// which one the landmark model picks flips with sub-pixel changes of the crop. MediaPipe flips it too when only its
/// own arithmetic changes: its shipped (fp16) and fp32 runs of that video put the same ankle up to 8.3 px apart.
/// </summary>
public class MediaPipeParitySensitivityTests(ITestOutputHelper output)
{
    private const int Frame = 28;

    [Fact]
    public unsafe void Free_ankle_jumps_with_a_half_pixel_crop_shift_while_the_hips_stay()
    {
        var reference = MediaPipeReference.Load("sls-left-valgus15", "full");
        string video = Path.Combine(TestFiles.RepoRoot, "samples", reference.VideoFile);
        const int width = 1280, height = 720;
        List<byte[]> frames = FfmpegFrames.DecodeBgra(video, width, height, Frame + 1);
        var options = TestFiles.Options(PoseModelKind.Full) with { Subject = SubjectSelection.HighestScore, CropSampling = CropSampling.PixelCentres };
        using var estimator = new BlazePoseEstimator(options);
        var result = new PoseResult();
        for (int f = 0; f <= Frame; f++)
        {
            estimator.Estimate(FfmpegFrames.ToFrame(frames[f], width, height, reference.Frames[f].TimestampMs / 1000.0), result);
        }

        RotatedRoi roi = result.Roi;
        using var model = new PoseLandmarkModel(TestFiles.Model("pose_landmark_full.onnx"), 2, null, CropSampling.PixelCentres);
        using var image = new FrameImage();
        fixed (byte* pixels = frames[Frame])
        {
            image.Attach((nint)pixels, width, height, width * 4, PixelFormat.Bgra32);
            Landmark[] at = Landmarks(model, image, roi);
            Landmark[] shifted = Landmarks(model, image, roi with { CenterX = roi.CenterX + 0.5f });
            float hip = Distance(at[(int)BodyLandmark.LeftHip], shifted[(int)BodyLandmark.LeftHip]);
            float ankle = Distance(at[(int)BodyLandmark.RightAnkle], shifted[(int)BodyLandmark.RightAnkle]);
            output.WriteLine($"frame {Frame}, ROI {roi.Width:0} px wide moved 0.5 px right: left hip moves {hip:0.00} px, right (free) ankle {ankle:0.00} px (visibility {at[(int)BodyLandmark.RightAnkle].Visibility:0.00})");
            Assert.True(hip < 1.5f, $"the hip moved {hip:0.00} px");
            Assert.True(ankle > 5f, $"the free ankle moved only {ankle:0.00} px: it is no longer bimodal here, and the parity bounds can be tightened");
        }

        // MediaPipe against itself: the same video, only the activations' precision changed.
        var fp32 = MediaPipeReference.Load("sls-left-valgus15", "full.fp32");
        float worst = 0;
        int worstFrame = -1;
        for (int f = 0; f < reference.Frames.Count; f++)
        {
            int a = (int)BodyLandmark.RightAnkle;
            float dx = reference.Frames[f].X[a] - fp32.Frames[f].X[a], dy = reference.Frames[f].Y[a] - fp32.Frames[f].Y[a];
            float d = MathF.Sqrt(dx * dx + dy * dy);
            if (d > worst)
            {
                (worst, worstFrame) = (d, f);
            }
        }

        output.WriteLine($"MediaPipe fp16 vs its fp32 run: right ankle up to {worst:0.00} px apart (frame {worstFrame})");
        Assert.True(worst > 5f, $"MediaPipe's own runs agree within {worst:0.00} px");
    }

    private static Landmark[] Landmarks(PoseLandmarkModel model, FrameImage image, in RotatedRoi roi)
    {
        var roiLandmarks = new Landmark[LandmarkDecoder.ModelLandmarkCount + 2];
        model.Crop(image, roi);
        model.Infer();
        model.DecodeLandmarks(roiLandmarks);
        var projected = new Landmark[BodyLandmarks.Count];
        for (int i = 0; i < projected.Length; i++)
        {
            projected[i] = LandmarkProjector.Project(roiLandmarks[i], roi);
        }

        return projected;
    }

    private static float Distance(in Landmark a, in Landmark b) => MathF.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
