using OpenCvSharp;
using ValgusVision.Domain.Pose;
using Xunit.Abstractions;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// Issue 19 item 4 on real videos: the people count sees the players the whole-frame detector misses, and the subject
/// lock keeps the measured person from switching — "subject lost" instead when only someone else is in view.
/// </summary>
public class SeveralPeopleTests(ITestOutputHelper output)
{
    private const string Soccer = "videos/soccer-3people-5frames.mp4";

    private static (float X, float Y) HipCentre(PoseFrame p) =>
        ((p[BodyLandmark.LeftHip].X + p[BodyLandmark.RightHip].X) / 2, (p[BodyLandmark.LeftHip].Y + p[BodyLandmark.RightHip].Y) / 2);

    private static float Distance((float X, float Y) a, (float X, float Y) b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    private static float Torso(PoseFrame p)
    {
        float sx = (p[BodyLandmark.LeftShoulder].X + p[BodyLandmark.RightShoulder].X) / 2;
        float sy = (p[BodyLandmark.LeftShoulder].Y + p[BodyLandmark.RightShoulder].Y) / 2;
        return Distance(HipCentre(p), (sx, sy));
    }

    /// <summary>Runs <paramref name="frames"/> at 30 fps, or at <paramref name="times"/> (seconds) when given.</summary>
    private static List<PoseFrame> Run(IReadOnlyList<Mat> frames, BlazePoseOptions options, IReadOnlyList<double>? times = null)
    {
        using var estimator = new BlazePoseEstimator(options);
        var result = new PoseResult();
        var poses = new List<PoseFrame>();
        for (int i = 0; i < frames.Count; i++)
        {
            estimator.Estimate(TestFiles.ToFrame(frames[i], times?[i] ?? i / 30.0), result);
            poses.Add(result.Snapshot(i) with { SubjectLost = !result.HasPose && result.SubjectLost });
        }

        return poses;
    }

    private static List<Mat> Frames(string video) => TestFiles.ReadVideo(video).Select(f => f.Frame).ToList();

    [Theory]
    [InlineData(Soccer, 1.0)]
    [InlineData(Soccer, 1e-9)]
    [InlineData("videos/mmpose-demo-5frames.mp4", 1.0)]
    [InlineData("videos/mmpose-demo-5frames.mp4", 1e-9)]
    public void With_several_people_in_view_more_than_one_is_counted_and_the_measured_one_does_not_jump(string video, double intervalSeconds)
    {
        // The soccer clip's three players (one on the ground), the street's passers-by; a count each second or on every frame.
        List<(Mat Frame, double TimeSeconds)> video5 = TestFiles.ReadVideo(video);
        List<Mat> frames = video5.Select(f => f.Frame).ToList();
        List<PoseFrame> poses = Run(frames, TestFiles.Options() with { PeopleCountIntervalSeconds = intervalSeconds }, video5.Select(f => f.TimeSeconds).ToList());

        for (int i = 0; i < poses.Count; i++)
        {
            output.WriteLine($"{video}, count every {intervalSeconds} s, frame {i}: people_detected {poses[i].PeopleDetected}, hip centre {HipCentre(poses[i])}");
            Assert.True(poses[i].HasPose, $"frame {i} lost the pose");
            Assert.NotNull(poses[i].PeopleDetected); // carried between counts, never blank
        }

        Assert.Contains(poses, p => p.PeopleDetected > 1);
        for (int i = 1; i < poses.Count; i++)
        {
            float jump = Distance(HipCentre(poses[i - 1]), HipCentre(poses[i]));
            Assert.True(jump < 0.5f * Torso(poses[i - 1]), $"frame {i}: the hip centre jumped {jump:0} px");
        }

        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public void Turning_the_count_off_gives_the_whole_frame_count_only_where_the_detector_looked()
    {
        List<Mat> frames = Frames(Soccer);
        List<PoseFrame> poses = Run(frames, TestFiles.Options() with { PeopleCountIntervalSeconds = 0 });

        Assert.Equal(1, poses[0].PeopleDetected); // the letterboxed frame shows one of the three players
        Assert.All(poses.Skip(1), p => Assert.Null(p.PeopleDetected));
        frames.ForEach(f => f.Dispose());
    }

    /// <summary>The clip's first frame moved sideways by <paramref name="dx"/> px, the gap filled with the grass.</summary>
    private static Mat Shifted(Mat frame, int dx)
    {
        var moved = new Mat(frame.Size(), frame.Type(), new Scalar(60, 140, 70));
        using Mat source = frame[new Rect(0, 0, frame.Cols - dx, frame.Rows)];
        using Mat target = moved[new Rect(dx, 0, frame.Cols - dx, frame.Rows)];
        source.CopyTo(target);
        return moved;
    }

    [Fact]
    public void When_only_someone_far_from_the_subject_is_seen_the_frame_is_subject_lost_and_the_subject_is_taken_back()
    {
        // Real pixels, a made-up sequence: three frames of the clip, then two of the first frame moved 420 px right
        // (the subject gone from its place, a player two body sizes away — no one gets there in 1/30 s), then the
        // clip's frames again. The lock must not follow the moved picture.
        List<Mat> clip = Frames(Soccer);
        using Mat moved = Shifted(clip[0], 420);
        List<Mat> sequence = [clip[0], clip[1], clip[2], moved, moved, clip[3], clip[4]];

        List<PoseFrame> locked = Run(sequence, TestFiles.Options());
        List<PoseFrame> mediaPipe = Run(sequence, TestFiles.Options() with { Subject = SubjectSelection.HighestScore });
        for (int i = 0; i < sequence.Count; i++)
        {
            output.WriteLine(
                $"frame {i}: lock {(locked[i].HasPose ? HipCentre(locked[i]).ToString() : locked[i].SubjectLost ? "subject lost" : "no pose")}, " +
                $"highest score {(mediaPipe[i].HasPose ? HipCentre(mediaPipe[i]).ToString() : "no pose")}, people {locked[i].PeopleDetected}");
        }

        (float X, float Y) subject = HipCentre(locked[2]);
        Assert.All(locked.Take(3), p => Assert.True(p.HasPose));
        Assert.False(locked[3].HasPose);
        Assert.False(locked[4].HasPose);
        Assert.True(locked[4].SubjectLost, "the moved frame is 'subject lost', not 'no pose'");
        Assert.True(locked[5].HasPose && locked[6].HasPose, "the subject is taken back when it returns");
        Assert.True(Distance(HipCentre(locked[5]), subject) < Torso(locked[2]), "taken back at its own place");

        // Without the lock (MediaPipe's rule) the same frames switch to the moved player: the test can tell.
        Assert.True(mediaPipe[4].HasPose && Distance(HipCentre(mediaPipe[4]), subject) > 300, "MediaPipe's rule follows the moved picture");
        clip.ForEach(f => f.Dispose());
    }

    [Fact]
    public void A_lock_reach_of_zero_or_a_negative_time_is_refused_when_the_estimator_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlazePoseEstimator(TestFiles.Options() with { SubjectMaxJumpBodySizes = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlazePoseEstimator(TestFiles.Options() with { SubjectLockSeconds = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlazePoseEstimator(TestFiles.Options() with { PeopleCountIntervalSeconds = double.NaN }));
    }
}
