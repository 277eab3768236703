using ValgusVision.Domain.Analysis;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>What happened to one input: the analysis, the files written, the warnings, and how fast it went.</summary>
/// <param name="Incomplete">The input was damaged and only its readable part was analysed.</param>
/// <param name="FramesPerSecond">Analysed frames over the whole job's wall time (both passes and the reports).</param>
public sealed record InputReport(
    string Input,
    SourceInfo Source,
    SessionAnalysis Analysis,
    int FramesAnalysed,
    int FramesWithPose,
    bool Incomplete,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> OutputFiles,
    string? VideoEncoder,
    double WallSeconds,
    double PosePassFramesPerSecond,
    double? OverlayPassFramesPerSecond,
    IReadOnlyList<StageTimes.Slot> Stages)
{
    public double FramesPerSecond => WallSeconds > 0 ? FramesAnalysed / WallSeconds : 0;

    /// <summary>Whether the FPPA's accuracy is known (<see cref="MeasurementTrust"/>, with the job's set-up); null = not judged.</summary>
    public MeasurementTrust? Trust { get; init; }
}
