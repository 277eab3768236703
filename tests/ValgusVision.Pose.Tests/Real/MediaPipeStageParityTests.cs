using System.Globalization;
using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Detection;
using ValgusVision.Pose.Runtime;
using Xunit.Abstractions;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// Stage by stage against MediaPipe's own pipeline run with its CPU inference (the package's useCpuInference option;
/// fp32 networks, crops still on WebGL): the detection that MediaPipe's graph chose on the detector frame
/// (pose_detection, after NMS and letterbox removal), the ROI it built from it (pose_rect_from_detection), and the ROI
/// it built from the landmarks for the next frame (pose_rect_from_landmarks), read from the graph's internal streams by
/// tools/mediapipe-reference --dump-stages. Normalised coordinates, as MediaPipe holds them.
/// </summary>
public class MediaPipeStageParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("mmpose-demo-5frames", "full.cpu")]
    [InlineData("mmpose-demo-5frames", "full.nosmooth.cpu")]
    [InlineData("soccer-3people-5frames", "full.cpu")]
    [InlineData("soccer-3people-5frames", "lite.cpu")]
    [InlineData("sls-left-valgus15", "full.cpu")]
    public void Detection_and_rois_match_MediaPipe(string stem, string model)
    {
        MediaPipeReference reference = MediaPipeReference.Load(stem, model);
        List<string[]> stages = File.ReadAllLines(Path.Combine(MediaPipeReference.Folder, $"{stem}.{model}.stages.csv"))
            .Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        Assert.Equal(reference.Frames.Count, stages.Count);
        string video = MediaPipeParityTests.VideoPath(reference);
        using var probe = new OpenCvSharp.VideoCapture(video);
        int width = probe.FrameWidth, height = probe.FrameHeight;
        List<byte[]> frames = FfmpegFrames.DecodeBgra(video, width, height, reference.Frames.Count);

        using var estimator = new BlazePoseEstimator(MediaPipeParityTests.OptionsFor(reference));
        var result = new PoseResult();
        float worstDetection = 0, worstRoi = 0;
        int rois = 0;
        RotatedRoi? expectedNext = null;
        for (int f = 0; f < frames.Count; f++)
        {
            string[] row = stages[f];
            estimator.Estimate(FfmpegFrames.ToFrame(frames[f], width, height, reference.Frames[f].TimestampMs / 1000.0), result);
            Assert.Equal(row[2] == "1", result.DetectorRan);
            if (result.DetectorRan)
            {
                PoseDetection ours = Detect(frames[f], width, height);
                float[] actual =
                [
                    ours.Score, ours.XMin, ours.YMin, ours.Width, ours.Height,
                    ours.Keypoints[0], ours.Keypoints[1], ours.Keypoints[2], ours.Keypoints[3],
                    ours.Keypoints[4], ours.Keypoints[5], ours.Keypoints[6], ours.Keypoints[7],
                ];
                worstDetection = MathF.Max(worstDetection, MaxDifference(Numbers(row, 3, 13), actual));
                worstRoi = MathF.Max(worstRoi, MaxDifference(Numbers(row, 16, 5), Normalised(result.Roi, width, height)));
                rois++;
            }
            else if (expectedNext is { } previous)
            {
                // The ROI this tracking frame used is the one MediaPipe built from the previous frame's landmarks.
                worstRoi = MathF.Max(worstRoi, MaxDifference(Normalised(previous, width, height), Normalised(result.Roi, width, height)));
                rois++;
            }

            expectedNext = row[21].Length > 0
                ? new RotatedRoi(Numbers(row, 21, 1)[0] * width, Numbers(row, 22, 1)[0] * height, Numbers(row, 23, 1)[0] * width, Numbers(row, 24, 1)[0] * height, Numbers(row, 25, 1)[0])
                : null;
        }

        Assert.True(rois >= 2, $"only {rois} ROIs compared");
        output.WriteLine($"{stem} {model}: detection max |Δ| {worstDetection:0.0000000}, ROI max |Δ| {worstRoi:0.0000000} (normalised; rotation in rad)");
        Assert.True(worstDetection < 2e-5f, $"detection differs by {worstDetection}");
        Assert.True(worstRoi < 2e-4f, $"ROI differs by {worstRoi}");
    }

    private static unsafe PoseDetection Detect(byte[] bgra, int width, int height)
    {
        using var detector = new PoseDetector(TestFiles.Model(PoseModels.DetectorFileName), 1, null, CropSampling.PixelCentres);
        using var image = new FrameImage();
        fixed (byte* pixels = bgra)
        {
            image.Attach((nint)pixels, width, height, width * 4, PixelFormat.Bgra32);
            Assert.True(detector.Detect(image, width, height, 0.5f, out _, out _) > 0);
            return detector.Candidates[0];
        }
    }

    private static float[] Normalised(RotatedRoi roi, int width, int height) =>
        [roi.CenterX / width, roi.CenterY / height, roi.Width / width, roi.Height / height, roi.RotationRadians];

    private static float[] Numbers(string[] row, int first, int count) =>
        row.Skip(first).Take(count).Select(c => float.Parse(c, CultureInfo.InvariantCulture)).ToArray();

    private static float MaxDifference(float[] expected, float[] actual) =>
        expected.Zip(actual, (e, a) => MathF.Abs(e - a)).Max();
}
