using OpenCvSharp;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Truth;
using ValgusVision.Tests.Support;
using Xunit.Abstractions;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// A person small in a wide frame (a camera a few metres back): the whole-frame detector sees a 1280×720 frame at
/// 224 px and misses them; looking again in the frame's square tiles finds them (<see cref="BlazePoseOptions.DetectInTiles"/>).
/// The bundled sample scaled to 40 % and set in the middle of a grey 1280×720 frame, its truth scaled the same way.
/// </summary>
public class SmallPersonTests(ITestOutputHelper output)
{
    private const double Scale = 0.4;
    private const int OffsetX = 384, OffsetY = 216;

    private static List<Mat> SmallFrames(int count)
    {
        using var capture = new VideoCapture(Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.mp4"));
        var frames = new List<Mat>();
        using var frame = new Mat();
        while (frames.Count < count && capture.Read(frame) && !frame.Empty())
        {
            var wide = new Mat(720, 1280, MatType.CV_8UC3, new Scalar(128, 128, 128));
            using var small = frame.Resize(new Size(512, 288), 0, 0, InterpolationFlags.Area);
            using var target = wide[new Rect(OffsetX, OffsetY, 512, 288)];
            small.CopyTo(target);
            frames.Add(wide);
        }

        return frames;
    }

    private static List<PoseFrame> Run(IReadOnlyList<Mat> frames, bool tiles)
    {
        using var estimator = new BlazePoseEstimator(TestFiles.Options() with { DetectInTiles = tiles });
        var result = new PoseResult();
        var poses = new List<PoseFrame>();
        for (int i = 0; i < frames.Count; i++)
        {
            estimator.Estimate(TestFiles.ToFrame(frames[i], i / 30.0), result);
            poses.Add(result.Snapshot(i));
        }

        return poses;
    }

    [Fact]
    public void A_person_40_percent_of_the_frame_high_is_found_in_the_tiles_and_measured_where_the_truth_is()
    {
        List<Mat> frames = SmallFrames(10);
        var truth = SampleTruthReader.Read(Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.truth.csv"));
        try
        {
            var without = Run(frames, tiles: false);
            var with = Run(frames, tiles: true);
            output.WriteLine($"frames with a pose: whole frame only {without.Count(p => p.HasPose)} of 10, with tiles {with.Count(p => p.HasPose)} of 10");
            Assert.True(without.Count(p => p.HasPose) <= 2, "the whole-frame detector was expected to miss the small person (the reason for the tiles)");
            Assert.All(with, p => Assert.True(p.HasPose));

            foreach (var pose in with.Skip(3))
            {
                var leg = truth.Frames[pose.FrameIndex].Left;
                foreach (var (landmark, x, y) in new[] { (BodyLandmark.LeftHip, leg.Hip.X, leg.Hip.Y), (BodyLandmark.LeftKnee, leg.Knee.X, leg.Knee.Y), (BodyLandmark.LeftAnkle, leg.Ankle.X, leg.Ankle.Y) })
                {
                    double dx = pose[landmark].X - (OffsetX + x * Scale), dy = pose[landmark].Y - (OffsetY + y * Scale);
                    Assert.True(Math.Sqrt(dx * dx + dy * dy) < 10, $"frame {pose.FrameIndex} {landmark}: {Math.Sqrt(dx * dx + dy * dy):0.0} px from the scaled truth");
                }
            }
        }
        finally
        {
            frames.ForEach(f => f.Dispose());
        }
    }
}
