using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>The whole session: per side and left–right asymmetry.</summary>
public sealed record SessionSummary(
    Exercise Exercise,
    int RepCount,
    int EventCount,
    SideSummary Left,
    SideSummary Right,
    Asymmetry Asymmetry,
    double? FrameRateHz,
    double DurationSeconds)
{
    public SideSummary For(Side side) => side == Side.Left ? Left : Right;

    /// <summary>Reps whose knee angle at the bottom was not measured (<see cref="Rep.NotMeasured"/>).</summary>
    public int RepsNotMeasured { get; init; }

    /// <summary>
    /// Why part or all of the recording was not measured: the commonest reason of the unmeasured reps, or, with no rep
    /// found, why most frames had no knee angle. Null when everything was measured. Whenever it is set the event count
    /// is not "0 events" but unknown for what could not be seen.
    /// </summary>
    public NotMeasuredReason? NotMeasured { get; init; }

    /// <summary>
    /// Most people the pose detector saw on one frame; null when it never looked. The measured person is the one it
    /// locked on to (the largest, most central at the start) and followed.
    /// </summary>
    public int? PeopleSeen { get; init; }
}
