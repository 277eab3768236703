using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;

namespace ValgusVision.Domain.Tests;

/// <summary>The one trust rule (issue 19): red only for numbers whose accuracy is known.</summary>
public class MeasurementTrustTests
{
    // Three right-leg squats facing the camera: 400 px legs, yaw 0.
    private static readonly SessionAnalysis Frontal = SessionAnalyzer.Analyze(
        new SyntheticSession().Build(3, SyntheticSession.Squat(_ => Side.Right, 100, 20)),
        AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat });

    [Fact]
    public void A_frontal_fully_measured_session_with_large_legs_and_the_evaluated_set_up_is_trusted()
    {
        Assert.Equal(3, Frontal.Reps.Length);
        Assert.True(MeasurementTrust.Of(Frontal, setupEvaluated: true).IsTrusted);
        Assert.Equal("set-up not evaluated", MeasurementTrust.Of(Frontal, setupEvaluated: false).Reason);
    }

    [Fact]
    public void A_rep_turned_beyond_15_degrees_makes_the_session_untrusted_with_the_angle_in_the_reason()
    {
        var turned = Frontal with { Reps = [.. Frontal.Reps.Select((r, i) => r with { Quality = r.Quality with { MaxOffAxisDeg = i == 1 ? 22 : 3 } })] };
        var trust = MeasurementTrust.Of(turned, setupEvaluated: true);
        Assert.False(trust.IsTrusted);
        Assert.Equal("not a frontal view (body turned up to 22° from the camera)", trust.Reason);
    }

    [Fact]
    public void Unmeasured_reps_or_legs_under_100_px_make_it_untrusted()
    {
        var partly = Frontal with { Summary = Frontal.Summary with { RepsNotMeasured = 1, NotMeasured = NotMeasuredReason.Hidden } };
        Assert.StartsWith("not all reps measured", MeasurementTrust.Of(partly, true).Reason, StringComparison.Ordinal);

        // The same squats at a quarter of the size: legs of 100 px pass, 99 px do not.
        var small = Frontal with { Reference = Frontal.Reference with { LeftLegPx = 99, RightLegPx = 99 } };
        Assert.Equal("the legs are only 99 px tall in the picture (at least 100 needed)", MeasurementTrust.Of(small, true).Reason);
        var enough = Frontal with { Reference = Frontal.Reference with { LeftLegPx = 100, RightLegPx = 100 } };
        Assert.True(MeasurementTrust.Of(enough, true).IsTrusted);
    }

    [Fact]
    public void A_frame_turned_from_the_camera_or_without_a_view_angle_is_untrusted()
    {
        var m = Frontal.Frames[0];
        Assert.True(MeasurementTrust.OfFrame(m, Frontal.Reference, true).IsTrusted);
        Assert.False(MeasurementTrust.OfFrame(m with { Quality = m.Quality with { ViewWarning = true } }, Frontal.Reference, true).IsTrusted);
        Assert.Equal("view angle not measured", MeasurementTrust.OfFrame(m with { Quality = m.Quality with { BodyYawDeg = null } }, Frontal.Reference, true).Reason);
    }

    [Fact]
    public void People_seen_are_counted_from_the_detector_and_survive_the_frames_csv()
    {
        var frames = new SyntheticSession().Build(1, SyntheticSession.Squat(_ => Side.Right, 100, 20));
        frames[0] = frames[0] with { PeopleDetected = 3 };
        frames[10] = frames[10] with { PeopleDetected = 1 };
        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat });
        Assert.Equal(3, analysis.Summary.PeopleSeen);
        Assert.Contains(analysis.Warnings, w => w.StartsWith("The pose detector saw 3 people.", StringComparison.Ordinal));

        using var text = new StringWriter();
        FramesCsvWriter.Write(text, frames, analysis.Frames);
        var read = FramesCsvReader.Read(new StringReader(text.ToString()), "test");
        Assert.Equal(3, read[0].PeopleDetected);
        Assert.Null(read[1].PeopleDetected);
        Assert.Equal(3, SessionAnalyzer.Analyze(read, analysis.Settings).Summary.PeopleSeen);
    }

    [Fact]
    public void A_subject_lost_frame_is_not_measured_with_its_reason_and_survives_the_frames_csv()
    {
        var frames = new SyntheticSession().Build(1, SyntheticSession.Squat(_ => Side.Right, 100, 20));
        frames[0] = frames[0] with { PeopleDetected = 2 };
        for (int i = 5; i < 8; i++)
        {
            frames[i] = PoseFrame.NoPose(frames[i].FrameIndex, frames[i].TimeSeconds, frames[i].ImageWidth, frames[i].ImageHeight) with { SubjectLost = true };
        }

        frames[8] = PoseFrame.NoPose(frames[8].FrameIndex, frames[8].TimeSeconds, frames[8].ImageWidth, frames[8].ImageHeight);
        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat });

        Assert.All(analysis.Frames.Skip(5).Take(3), m => Assert.Equal(MeasureStatus.SubjectLost, m.Quality.LeftFppaStatus));
        Assert.Equal(MeasureStatus.NoPose, analysis.Frames[8].Quality.LeftFppaStatus);
        Assert.Equal(NotMeasuredReason.SubjectLost, NotMeasuredReasons.From(MeasureStatus.SubjectLost));
        Assert.Equal("subject-lost", NotMeasuredReason.SubjectLost.ToName());
        string warning = Assert.Single(analysis.Warnings, w => w.StartsWith("The pose detector saw 2 people.", StringComparison.Ordinal));
        Assert.Contains("3 frames where only someone else was in view were not measured (subject lost)", warning, StringComparison.Ordinal);
        Assert.Contains("hips at x ", warning, StringComparison.Ordinal);

        using var text = new StringWriter();
        FramesCsvWriter.Write(text, frames, analysis.Frames);
        Assert.Contains(",subject_lost,subject_lost,", text.ToString(), StringComparison.Ordinal);
        var read = FramesCsvReader.Read(new StringReader(text.ToString()), "test");
        Assert.True(read[6].SubjectLost);
        Assert.False(read[8].SubjectLost);
        Assert.Equal(MeasureStatus.SubjectLost, SessionAnalyzer.Analyze(read, analysis.Settings).Frames[6].Quality.LeftFppaStatus);
    }

    [Fact]
    public void Subject_lost_frames_are_said_even_when_the_count_saw_one_person()
    {
        var frames = new SyntheticSession().Build(1, SyntheticSession.Squat(_ => Side.Right, 100, 20));
        frames[3] = PoseFrame.NoPose(frames[3].FrameIndex, frames[3].TimeSeconds, frames[3].ImageWidth, frames[3].ImageHeight) with { SubjectLost = true, PeopleDetected = 1 };

        Assert.Equal(
            "Someone other than the measured person was in view: 1 frame where only someone else was in view was not measured (subject lost) rather than switch to them; keep others out of view.",
            SubjectLockWarning.Describe(frames, 1));
        Assert.Null(SubjectLockWarning.Describe(frames.Where(f => !f.SubjectLost).ToList(), 1));
    }
}
