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
        Assert.Equal(1, new SubjectSelector(SubjectSelection.LockOnSubject).Select(Crowd, 1000, 1000, 0));
    }

    [Fact]
    public void Re_detection_picks_the_candidate_closest_to_the_last_known_subject()
    {
        var selector = new SubjectSelector(SubjectSelection.LockOnSubject);
        selector.Update(170, 520, 250, 0);

        Assert.Equal(2, selector.Select(Crowd, 1000, 1000, 0));
    }

    [Fact]
    public void Reset_forgets_the_subject()
    {
        var selector = new SubjectSelector(SubjectSelection.LockOnSubject);
        selector.Update(170, 520, 250, 0);
        selector.Reset();

        Assert.Equal(1, selector.Select(Crowd, 1000, 1000, 0));
    }

    [Fact]
    public void MediaPipe_mode_takes_the_highest_score()
    {
        var selector = new SubjectSelector(SubjectSelection.HighestScore);
        selector.Update(170, 520, 250, 0);

        Assert.Equal(0, selector.Select(Crowd, 1000, 1000, 0));
        Assert.Equal(-1, selector.Select([], 1000, 1000, 0));
    }

    [Fact]
    public void A_locked_subject_is_not_swapped_for_someone_more_than_a_body_size_away()
    {
        // The subject (body size 250) was last at (520, 480); now only the person at the side (370 px away) and the
        // small one in the corner are found: refused, not a switch.
        var selector = new SubjectSelector(SubjectSelection.LockOnSubject);
        selector.Update(520, 480, 250, 1.0);

        Assert.Equal(-1, selector.Select([Crowd[0], Crowd[2]], 1000, 1000, 1.5));
        Assert.True(selector.Refused);
        Assert.True(selector.IsSomeoneElse(150, 500, 1.5));
    }

    [Fact]
    public void The_subject_is_taken_back_when_a_detection_near_its_last_place_returns()
    {
        var selector = new SubjectSelector(SubjectSelection.LockOnSubject);
        selector.Update(520, 480, 250, 1.0);
        Assert.Equal(-1, selector.Select([Crowd[2]], 1000, 1000, 1.2));

        // Back, 200 px from where it was (within one body size of 250), among the others.
        PoseDetection back = Person(0.6f, 640, 320, 240);
        Assert.Equal(1, selector.Select([Crowd[2], back, Crowd[0]], 1000, 1000, 1.8));
        Assert.False(selector.Refused);
        Assert.False(selector.IsSomeoneElse(640, 320, 1.8));
    }

    [Fact]
    public void After_the_lock_time_the_first_lock_rule_picks_afresh()
    {
        var selector = new SubjectSelector(SubjectSelection.LockOnSubject, maxJumpBodySizes: 1f, lockSeconds: 2);
        selector.Update(520, 480, 250, 1.0);

        Assert.Equal(-1, selector.Select([Crowd[0], Crowd[2]], 1000, 1000, 3.0));
        Assert.Equal(1, selector.Select([Crowd[0], Crowd[2]], 1000, 1000, 3.1));
        Assert.False(selector.IsSomeoneElse(150, 500, 3.1));
    }

    [Fact]
    public void The_reach_is_the_lock_setting_in_body_sizes()
    {
        // 370 px from the subject: someone else at 1 body size (250 px), the subject at 1.5 (375 px).
        var strict = new SubjectSelector(SubjectSelection.LockOnSubject, maxJumpBodySizes: 1f);
        var loose = new SubjectSelector(SubjectSelection.LockOnSubject, maxJumpBodySizes: 1.5f);
        strict.Update(520, 480, 250, 0);
        loose.Update(520, 480, 250, 0);

        Assert.Equal(-1, strict.Select([Crowd[2]], 1000, 1000, 0.1));
        Assert.Equal(0, loose.Select([Crowd[2]], 1000, 1000, 0.1));
    }

    [Fact]
    public void A_jump_back_in_time_is_a_new_clip_not_a_lock()
    {
        var selector = new SubjectSelector(SubjectSelection.LockOnSubject);
        selector.Update(170, 520, 250, 5.0);

        Assert.Equal(1, selector.Select(Crowd, 1000, 1000, 0));
        Assert.False(selector.IsSomeoneElse(900, 900, 0));
    }

    [Fact]
    public void MediaPipe_mode_never_refuses()
    {
        var selector = new SubjectSelector(SubjectSelection.HighestScore);
        selector.Update(170, 520, 250, 0);

        Assert.Equal(0, selector.Select([Crowd[0]], 1000, 1000, 0.1));
        Assert.False(selector.Refused);
        Assert.False(selector.IsSomeoneElse(900, 900, 0.1));
    }
}
