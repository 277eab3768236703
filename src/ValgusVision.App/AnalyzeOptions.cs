using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Refinement;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// Everything <c>valgus analyze</c> and <c>valgus batch</c> were asked for, validated once: the session's options
/// (<see cref="Session"/>, shared with live and reanalyze) plus where the outputs go and which are written.
/// </summary>
public sealed record AnalyzeOptions
{
    public string OutputDirectory { get; init; } = ".";

    public OutputFormats Formats { get; init; } = OutputFormats.All;

    public SessionOptions Session { get; init; } = SessionOptions.Default;

    public AnalysisSettings Settings
    {
        get => Session.Settings;
        init => Session = Session with { Settings = value };
    }

    public PoseModelChoice Model
    {
        get => Session.Model;
        init => Session = Session with { Model = value };
    }

    public PoseLevers Levers
    {
        get => Session.Levers;
        init => Session = Session with { Levers = value };
    }

    public TimeRange Range
    {
        get => Session.Range;
        init => Session = Session with { Range = value };
    }

    public JointRefinementMode Refine
    {
        get => Session.Refine;
        init => Session = Session with { Refine = value };
    }

    /// <summary>The refiner <see cref="Refine"/> asks for; null for none.</summary>
    public JointCentreRefiner? CreateRefiner() => Session.CreateRefiner();

    public HipCentreMode HipCentre
    {
        get => Session.HipCentre;
        init => Session = Session with { HipCentre = value };
    }

    /// <summary>The ffmpeg that encodes H.264; null = OpenCV's mp4v fallback (found once, at start).</summary>
    public string? FfmpegPath { get; init; } = VideoEncoders.FindFfmpeg();

    /// <summary>The ffprobe that reads the container's recording date; null = the date stays unknown (found once, at start).</summary>
    public string? FfprobePath { get; init; } = ContainerCreationTime.FindFfprobe();

    public void Validate()
    {
        Session.Validate();
        if (Formats == OutputFormats.None)
        {
            throw new ArgumentException("--formats: name at least one output");
        }
    }
}
