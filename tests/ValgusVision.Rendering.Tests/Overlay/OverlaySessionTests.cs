using ValgusVision.Rendering.Overlay;
using ValgusVision.Rendering.Tests.Fixtures;

namespace ValgusVision.Rendering.Tests.Overlay;

public class OverlaySessionTests
{
    [Fact]
    public void Every_analysed_frame_gets_a_state_with_its_stance_fppa()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        var session = OverlaySession.From(report.Analysis);
        Assert.Equal(report.Analysis.Frames.Length, session.FrameCount);
        var bottom = report.Analysis.Reps[2].BottomFrame;
        Assert.Equal(StanceLeg.Left, session.StateAt(bottom).Stance);
        Assert.Equal(report.Analysis.Frames[bottom].LeftFppaDeg, session.StateAt(bottom).FppaDegrees);
        Assert.Equal(3, session.StateAt(bottom).RepNumber);
        Assert.True(session.StateAt(bottom).InValgusEvent);
        Assert.Equal(3, session.Timeline.Reps.Length);
        Assert.Equal(report.Analysis.Events.Length, session.Timeline.ValgusEvents.Length);
    }

    [Fact]
    public void Rep_counter_counts_by_video_frame_index_when_the_analysis_starts_late()
    {
        // As with --start: the first analysed frame is video frame 500.
        var (report, _, _) = SyntheticReport.Build(withImages: false, alter: (i, pose) => pose with { FrameIndex = i + 500 });
        var session = OverlaySession.From(report.Analysis);
        Assert.Equal(500, report.Analysis.Frames[0].FrameIndex);
        Assert.Equal(0, session.StateAt(0).RepsCompleted);
        var afterFirstRep = report.Analysis.Reps[0].EndFrame - 500 + 1;
        Assert.Equal(1, session.StateAt(afterFirstRep).RepsCompleted);
        Assert.Equal(3, session.StateAt(session.FrameCount - 1).RepsCompleted);
    }

    [Fact]
    public void A_position_outside_the_analysis_is_refused_with_the_frame_count()
    {
        var (report, _, _) = SyntheticReport.Build(withImages: false);
        var session = OverlaySession.From(report.Analysis);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => session.StateAt(session.FrameCount));
        Assert.Contains(session.FrameCount.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }
}
