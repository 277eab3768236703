using ValgusVision.Pose.Detection;
using ValgusVision.Pose.Tracking;

namespace ValgusVision.Pose.Tests.Unit;

public class SubjectSelectorTests
{
    // Candidates in a 1000×1000 frame, highest score first as NMS returns them.
    private static PoseDetection Person(float score, float hipX, float hipY, float bodyLength)
    {
        var d = new PoseDetection { Score = score };
        d.Keypoints[0] = hipX / 1000;
        d.Keypoints[1] = hipY / 1000;
        d.Keypoints[2] = hipX / 1000;
        d.Keypoints[3] = (hipY - bodyLength) / 1000;
        return d;
    }

    private static readonly PoseDetection[] Crowd =
    [
        Person(0.95f, 900, 900, 100), // best score, small, in a corner
        Person(0.80f, 520, 480, 250), // large and central
        Person(0.70f, 150, 500, 260), // large, off to the side
    ];

    [Fact]
    public void First_lock_goes_to_the_largest_most_central_person_not_the_best_score()
    {
        Assert.Equal(1, new SubjectSelector(SubjectSelection.LockOnSubject).Select(Crowd, 1000, 1000));
    }

    [Fact]
    public void Re_detection_picks_the_candidate_closest_to_the_last_known_subject()
    {
        var selector = new SubjectSelector(SubjectSelection.LockOnSubject);
        selector.Update(170, 520);

        Assert.Equal(2, selector.Select(Crowd, 1000, 1000));
    }

    [Fact]
    public void Reset_forgets_the_subject()
    {
        var selector = new SubjectSelector(SubjectSelection.LockOnSubject);
        selector.Update(170, 520);
        selector.Reset();

        Assert.Equal(1, selector.Select(Crowd, 1000, 1000));
    }

    [Fact]
    public void MediaPipe_mode_takes_the_highest_score()
    {
        var selector = new SubjectSelector(SubjectSelection.HighestScore);
        selector.Update(170, 520);

        Assert.Equal(0, selector.Select(Crowd, 1000, 1000));
        Assert.Equal(-1, selector.Select([], 1000, 1000));
    }
}
