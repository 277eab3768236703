using ValgusVision.Domain.Pose;
using Xunit.Abstractions;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// Issue 10 item 9: the same video through MediaPipe's own pipeline (reference files in tests/data/mediapipe-reference)
/// and through our engine with the same options and timestamps gives the same hips, knees and ankles: a pose on the
/// same frames, and the legs close. The issue's target is median ≤ 1 px, 95th percentile ≤ 3 px.
/// <para>
/// Met on the bundled samples (75 frames each, MediaPipe as shipped, pooled): see
/// <see cref="Bundled_samples_meet_the_issue_target"/>. Not met on the 5-frame test videos, whose statistics are
/// dominated by the detector frame and the two or three frames after it while tracking settles: on the detector
/// frame of sls-left-valgus15 our left knee is 5.8 px from MediaPipe's, by frame 3 under 1 px; no single change of
/// that frame's ROI (centre ±8 px, size ±16 px, rotation ±0.06 rad) brings all six joints within 1 px, so it is not a
/// simple ROI convention, and the cause is still open. The detector's crop follows the GPU's pixel-centre convention
/// too: cropping its letterbox corner-aligned instead raised the fp32 medians from 1.25 to 3.51 px (mmpose) and from
/// 1.14 to 2.44 px (soccer). The worst single joints are low-visibility ones that the model
/// places in one of two spots: see <see cref="MediaPipeParitySensitivityTests"/>. Each case asserts the bounds
/// measured on 2026-11-26 plus a small margin, so a regression shows.
/// MediaPipe's subject rule (highest score) is used here; the lock is tested separately.
/// </para>
/// </summary>
public class MediaPipeParityTests(ITestOutputHelper output)
{
    private static readonly BodyLandmark[] Joints =
    [
        BodyLandmark.LeftHip, BodyLandmark.RightHip, BodyLandmark.LeftKnee,
        BodyLandmark.RightKnee, BodyLandmark.LeftAnkle, BodyLandmark.RightAnkle,
    ];

    // Measured (median, p95 px) with the models of converter v2: mmpose full 0.74/2.48, lite 2.88/6.22; soccer full
    // 1.24/7.64, lite 1.46/6.01; against MediaPipe's fp32 diagnostic: mmpose full 1.24/3.61, lite 2.36/5.42, full no
    // smoothing 1.45/3.59; soccer full 1.18/7.50, lite 1.43/6.30, full no smoothing 0.85/7.50; sls-left-valgus15 full
    // 0.36/3.59. Converter v1's models (same weights, another order of operations) gave medians up to 0.32 px lower on
    // the 5-frame videos: 30 joint-frames with bimodal joints react to float rounding. Bounds: the worse of the two
    // plus 0.2 px (median) and 0.5 px (p95).
    [Theory]
    [InlineData("mmpose-demo-5frames", "full", 0.95, 3.25)]
    [InlineData("mmpose-demo-5frames", "lite", 3.1, 7.0)]
    [InlineData("soccer-3people-5frames", "full", 1.45, 8.15)]
    [InlineData("soccer-3people-5frames", "lite", 1.66, 6.5)]
    [InlineData("mmpose-demo-5frames", "full.fp32", 1.45, 4.4)]
    [InlineData("mmpose-demo-5frames", "lite.fp32", 2.8, 6.0)]
    [InlineData("mmpose-demo-5frames", "full.nosmooth.fp32", 1.65, 4.1)]
    [InlineData("soccer-3people-5frames", "full.fp32", 1.4, 8.0)]
    [InlineData("soccer-3people-5frames", "lite.fp32", 1.65, 6.8)]
    [InlineData("soccer-3people-5frames", "full.nosmooth.fp32", 1.05, 8.0)]
    [InlineData("sls-left-valgus15", "full.fp32", 0.56, 4.1)]
    public void Hips_knees_and_ankles_match_MediaPipe(string stem, string model, double medianBound, double p95Bound)
    {
        List<float> errors = Measure(stem, model);
        float median = Percentile(errors, 0.5), p95 = Percentile(errors, 0.95);
        Assert.True(median <= medianBound, $"median {median:0.00} px > {medianBound} px");
        Assert.True(p95 <= p95Bound, $"95th percentile {p95:0.00} px > {p95Bound} px");
    }

    /// <summary>
    /// The issue's target on the product's own kind of video: the three bundled samples (frontal and yawed single-leg
    /// squats, 720p, the first 75 frames each), MediaPipe as shipped. Measured per sample (median / p95 px):
    /// valgus15 0.29 / 3.57, neutral 0.46 / 1.69, yaw20 0.21 / 1.03; pooled over 1350 joint-frames 0.30 / 1.64.
    /// </summary>
    [Fact]
    public void Bundled_samples_meet_the_issue_target()
    {
        var pooled = new List<float>();
        foreach (string stem in new[] { "sls-left-valgus15", "sls-right-neutral", "sls-left-yaw20" })
        {
            pooled.AddRange(Measure(stem, "full"));
        }

        float median = Percentile(pooled, 0.5), p95 = Percentile(pooled, 0.95);
        output.WriteLine($"three samples pooled: median {median:0.00} px, p95 {p95:0.00} px, max {pooled.Max():0.00} px over {pooled.Count}");
        Assert.True(median <= 1f, $"median {median:0.00} px > 1 px");
        Assert.True(p95 <= 3f, $"95th percentile {p95:0.00} px > 3 px");
    }

    /// <summary>Runs our engine over the reference's frames with its options; returns the hip/knee/ankle distances in pixels.</summary>
    private List<float> Measure(string stem, string model)
    {
        MediaPipeReference reference = MediaPipeReference.Load(stem, model);
        // The bundled samples are in the repository; the rest is shared test data.
        string video = reference.VideoFile.StartsWith("sls-", StringComparison.Ordinal)
            ? Path.Combine(TestFiles.RepoRoot, "samples", reference.VideoFile)
            : TestFiles.TestData("videos/" + reference.VideoFile);
        using var probe = new OpenCvSharp.VideoCapture(video);
        int width = probe.FrameWidth, height = probe.FrameHeight;
        List<byte[]> frames = FfmpegFrames.DecodeBgra(video, width, height, reference.Frames.Count);
        Assert.Equal(reference.Frames.Count, frames.Count);

        var options = TestFiles.Options(reference.Model) with
        {
            Smoothing = reference.SmoothLandmarks,
            MinDetectionConfidence = reference.MinDetectionConfidence,
            MinTrackingConfidence = reference.MinTrackingConfidence,
            Subject = SubjectSelection.HighestScore,
            // The reference comes from MediaPipe's web build, whose graph (PoseLandmarkGpu) crops on the GPU.
            CropSampling = CropSampling.PixelCentres,
        };
        using var estimator = new BlazePoseEstimator(options);
        var result = new PoseResult();
        var errors = new List<float>();
        var perJoint = Joints.ToDictionary(j => j, _ => new List<float>());
        foreach (MediaPipeReference.Frame expected in reference.Frames)
        {
            estimator.Estimate(FfmpegFrames.ToFrame(frames[expected.Index], width, height, expected.TimestampMs / 1000.0), result);
            Assert.True(expected.HasPose == result.HasPose, $"{stem} frame {expected.Index}: MediaPipe pose {expected.HasPose}, ours {result.HasPose}");
            if (!expected.HasPose)
            {
                continue;
            }

            foreach (BodyLandmark joint in Joints)
            {
                Landmark ours = result.Landmarks[(int)joint];
                float dx = ours.X - expected.X[(int)joint], dy = ours.Y - expected.Y[(int)joint];
                float error = MathF.Sqrt(dx * dx + dy * dy);
                errors.Add(error);
                perJoint[joint].Add(error);
                if (error > 3)
                {
                    output.WriteLine($"  {stem} {model} frame {expected.Index} {joint}: {error:0.00} px (ours {ours.X:0.0},{ours.Y:0.0} visibility {ours.Visibility:0.00}; MediaPipe {expected.X[(int)joint]:0.0},{expected.Y[(int)joint]:0.0})");
                }
            }
        }

        foreach ((BodyLandmark joint, List<float> e) in perJoint)
        {
            output.WriteLine($"{stem} {model} {joint}: median {Percentile(e, 0.5):0.00} px, p95 {Percentile(e, 0.95):0.00} px, max {e.Max():0.00} px");
        }

        output.WriteLine($"{stem} {model}: all legs median {Percentile(errors, 0.5):0.00} px, p95 {Percentile(errors, 0.95):0.00} px, max {errors.Max():0.00} px over {errors.Count}");
        return errors;
    }

    internal static float Percentile(List<float> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        double rank = p * (sorted.Count - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return (float)(sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo));
    }
}
