using ValgusVision.Tests.Support;
using ValgusVision.Domain.Pose;
using Xunit.Abstractions;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// Issue 10 item 9: the same video through MediaPipe's own pipeline (reference files in tests/data/mediapipe-reference)
/// and through our engine with the same options and timestamps gives the same hips, knees and ankles: a pose on the
/// same frames, and the legs close. The issue's target is median ≤ 1 px, 95th percentile ≤ 3 px.
/// <para>
/// Against MediaPipe with its own CPU inference (the package's useCpuInference option, files <c>*.cpu.csv</c>; fp32
/// networks, crops on WebGL as shipped) our engine agrees to 0.04 px at worst on every reference: both test videos
/// with full, lite and unsmoothed, and all seven bundled samples. That takes the GPU converter's float crop
/// (<see cref="CropSampling.PixelCentres"/>, <see cref="Runtime.TextureSampler"/>): OpenCV's warp, with its
/// 1/32-pixel grid and 8-bit rounding, left 1.55 / 3.95 px (median / p95) on mmpose and 0.52 / 3.51 px on soccer.
/// <see cref="MediaPipeStageParityTests"/> checks the detection and ROIs themselves.
/// </para>
/// <para>
/// Against MediaPipe as shipped (its networks on WebGL with fp16 activations, no suffix) the distances are MediaPipe's
/// own fp16-versus-fp32 difference: its shipped and CPU runs of soccer are 1.46 / 8.72 px apart (max 14.19 px, the
/// right ankle on the detector frame), and ours from the shipped file 1.50 / 8.72 px (max 14.19 px). The issue's
/// target holds on the bundled samples (<see cref="Bundled_samples_meet_the_issue_target"/>), not on the 5-frame test
/// videos, whose statistics are dominated by the detector frame and low-visibility joints that the model places in
/// one of two spots (<see cref="MediaPipeParitySensitivityTests"/>). The <c>.fp32</c> files (RGBA32F textures on
/// WebGL, a diagnostic) are not an fp32 run: they stay as far from the CPU run as the shipped files.
/// Each case asserts the bounds measured on 2026-11-26 plus a small margin, so a regression shows.
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

    // Measured (median, p95 px), our engine with the GPU converter's float crop: as shipped, mmpose full 1.70/4.25,
    // lite 2.35/4.70, soccer full 1.50/8.72, lite 1.97/9.87; against the fp32-texture diagnostic mmpose full 2.27/4.68,
    // lite 2.54/6.61, full no smoothing 2.21/4.92, soccer full 1.18/8.64, lite 1.75/9.57, full no smoothing 1.28/8.64,
    // sls-left-valgus15 full 0.38/1.89; with MediaPipe's CPU inference at most 0.01/0.03 (max 0.04). Bounds: measured
    // plus about 0.2 px (median) and 0.5 px (p95); the CPU cases 0.05/0.1 px.
    [Theory]
    [InlineData("mmpose-demo-5frames", "full", 1.9, 4.75)]
    [InlineData("mmpose-demo-5frames", "lite", 2.55, 5.2)]
    [InlineData("soccer-3people-5frames", "full", 1.7, 9.25)]
    [InlineData("soccer-3people-5frames", "lite", 2.2, 10.4)]
    [InlineData("mmpose-demo-5frames", "full.fp32", 2.5, 5.2)]
    [InlineData("mmpose-demo-5frames", "lite.fp32", 2.75, 7.1)]
    [InlineData("mmpose-demo-5frames", "full.nosmooth.fp32", 2.45, 5.45)]
    [InlineData("soccer-3people-5frames", "full.fp32", 1.4, 9.15)]
    [InlineData("soccer-3people-5frames", "lite.fp32", 1.95, 10.1)]
    [InlineData("soccer-3people-5frames", "full.nosmooth.fp32", 1.5, 9.15)]
    [InlineData("sls-left-valgus15", "full.fp32", 0.6, 2.4)]
    [InlineData("mmpose-demo-5frames", "full.cpu", 0.05, 0.1)]
    [InlineData("mmpose-demo-5frames", "lite.cpu", 0.05, 0.1)]
    [InlineData("mmpose-demo-5frames", "full.nosmooth.cpu", 0.05, 0.1)]
    [InlineData("soccer-3people-5frames", "full.cpu", 0.05, 0.1)]
    [InlineData("soccer-3people-5frames", "lite.cpu", 0.05, 0.1)]
    [InlineData("soccer-3people-5frames", "full.nosmooth.cpu", 0.05, 0.1)]
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
    /// valgus15 0.31 / 1.70, neutral 0.43 / 1.74, yaw20 0.18 / 1.31; pooled over 1350 joint-frames 0.28 / 1.63.
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

    /// <summary>Every bundled sample (first 75 frames) against MediaPipe with CPU inference: measured max 0.00 px each.</summary>
    [Theory]
    [InlineData("lunge-left-42")]
    [InlineData("lunge-right-30-heellift")]
    [InlineData("sls-left-valgus15")]
    [InlineData("sls-left-valgus5-roll0")]
    [InlineData("sls-left-valgus5-roll10")]
    [InlineData("sls-left-yaw20")]
    [InlineData("sls-right-neutral")]
    public void Every_bundled_sample_matches_MediaPipe_with_cpu_inference(string stem)
    {
        List<float> errors = Measure(stem, "full.cpu");
        Assert.True(errors.Max() <= 0.1f, $"largest distance {errors.Max():0.00} px > 0.1 px");
    }

    /// <summary>Runs our engine over the reference's frames with its options; returns the hip/knee/ankle distances in pixels.</summary>
    private List<float> Measure(string stem, string model)
    {
        MediaPipeReference reference = MediaPipeReference.Load(stem, model);
        string video = VideoPath(reference);
        using var probe = new OpenCvSharp.VideoCapture(video);
        int width = probe.FrameWidth, height = probe.FrameHeight;
        List<byte[]> frames = FfmpegFrames.DecodeBgra(video, width, height, reference.Frames.Count);
        Assert.Equal(reference.Frames.Count, frames.Count);

        BlazePoseOptions options = OptionsFor(reference);
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

    /// <summary>The bundled samples are in the repository; the rest is the committed mmpose test data (tests/data/mmpose).</summary>
    internal static string VideoPath(MediaPipeReference reference) =>
        File.Exists(Path.Combine(TestPaths.RepoRoot, "samples", reference.VideoFile))
            ? Path.Combine(TestPaths.RepoRoot, "samples", reference.VideoFile)
            : TestFiles.TestData("videos/" + reference.VideoFile);

    /// <summary>Our engine with the reference's options: model, smoothing, confidences; MediaPipe's subject rule and GPU crop.</summary>
    internal static BlazePoseOptions OptionsFor(MediaPipeReference reference) =>
        TestFiles.Options(reference.Model) with
        {
            Smoothing = reference.SmoothLandmarks,
            MinDetectionConfidence = reference.MinDetectionConfidence,
            MinTrackingConfidence = reference.MinTrackingConfidence,
            Subject = SubjectSelection.HighestScore,
            // The reference comes from MediaPipe's web build, whose graph (PoseLandmarkGpu) crops on the GPU.
            CropSampling = CropSampling.PixelCentres,
        };

    internal static float Percentile(List<float> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        double rank = p * (sorted.Count - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return (float)(sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo));
    }
}
