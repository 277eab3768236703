using ValgusVision.Tests.Support;
using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Landmarks;
using ValgusVision.Pose.Runtime;
using Xunit.Abstractions;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// Why the worst joints of the MediaPipe parity test against the shipped files cannot be closed by the pipeline: a
/// low-visibility joint (the lifted free foot of samples/sls-left-valgus15.mp4, frames 20–40) sits in one of two places
/// several pixels apart, and which one the landmark model picks flips with sub-pixel changes of the crop. MediaPipe
/// flips it too when only its own arithmetic changes: its shipped (fp16, WebGL) and CPU-inference (fp32) runs of that
/// video put the same ankle several pixels apart, while our engine stays within a tenth of a pixel of the CPU run.
/// </summary>
public class MediaPipeParitySensitivityTests(ITestOutputHelper output)
{
    private const int FirstFrame = 20, LastFrame = 40;

    [Fact]
    public unsafe void Free_ankle_jumps_with_a_half_pixel_crop_shift_while_the_hips_stay()
    {
        var reference = MediaPipeReference.Load("sls-left-valgus15", "full");
        string video = Path.Combine(TestPaths.RepoRoot, "samples", reference.VideoFile);
        const int width = 1280, height = 720;
        List<byte[]> frames = FfmpegFrames.DecodeBgra(video, width, height, LastFrame + 1);
        var options = TestFiles.Options(PoseModelKind.Full) with { Subject = SubjectSelection.HighestScore, CropSampling = CropSampling.PixelCentres };
        using var estimator = new BlazePoseEstimator(options);
        using var model = new PoseLandmarkModel(TestFiles.Model("pose_landmark_full.onnx"), 2, null, CropSampling.PixelCentres);
        using var image = new FrameImage();
        var result = new PoseResult();
        float worstHip = 0, worstAnkle = 0;
        int ankleFrame = -1;
        for (int f = 0; f <= LastFrame; f++)
        {
            estimator.Estimate(FfmpegFrames.ToFrame(frames[f], width, height, reference.Frames[f].TimestampMs / 1000.0), result);
            if (f < FirstFrame)
            {
                continue;
            }

            RotatedRoi roi = result.Roi;
            fixed (byte* pixels = frames[f])
            {
                image.Attach((nint)pixels, width, height, width * 4, PixelFormat.Bgra32);
                Landmark[] at = Landmarks(model, image, roi);
                Landmark[] shifted = Landmarks(model, image, roi with { CenterX = roi.CenterX + 0.5f });
                worstHip = MathF.Max(worstHip, Distance(at[(int)BodyLandmark.LeftHip], shifted[(int)BodyLandmark.LeftHip]));
                float ankle = Distance(at[(int)BodyLandmark.RightAnkle], shifted[(int)BodyLandmark.RightAnkle]);
                if (ankle > worstAnkle)
                {
                    (worstAnkle, ankleFrame) = (ankle, f);
                }
            }
        }

        output.WriteLine($"frames {FirstFrame}–{LastFrame}, ROI moved 0.5 px right: left hip moves at most {worstHip:0.00} px, right (free) ankle up to {worstAnkle:0.00} px (frame {ankleFrame})");
        Assert.True(worstHip < 1.5f, $"the hip moved {worstHip:0.00} px");
        Assert.True(worstAnkle > 5f, $"the free ankle moved only {worstAnkle:0.00} px: it is no longer bimodal here");

        // MediaPipe against itself: the same video, only the networks' precision changed (WebGL fp16 vs CPU fp32).
        var cpu = MediaPipeReference.Load("sls-left-valgus15", "full.cpu");
        float worst = 0;
        int worstFrame = -1;
        for (int f = 0; f < reference.Frames.Count; f++)
        {
            int a = (int)BodyLandmark.RightAnkle;
            float dx = reference.Frames[f].X[a] - cpu.Frames[f].X[a], dy = reference.Frames[f].Y[a] - cpu.Frames[f].Y[a];
            float d = MathF.Sqrt(dx * dx + dy * dy);
            if (d > worst)
            {
                (worst, worstFrame) = (d, f);
            }
        }

        output.WriteLine($"MediaPipe fp16 (WebGL) vs its CPU inference: right ankle up to {worst:0.00} px apart (frame {worstFrame})");
        Assert.True(worst > 4f, $"MediaPipe's own runs agree within {worst:0.00} px");
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
