using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Recording;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// Everything the JSON, CSV, HTML and PDF reports say about one input: the analysis plus what the pipeline knows
/// (tool, model, input, processing settings, its own warnings, whether the input was read to the end) and the
/// pictures of each rep's bottom frame.
/// </summary>
/// <param name="ToolVersion">ValgusVision's version.</param>
/// <param name="CreatedUtc">When the report was made.</param>
/// <param name="ModelName">Pose model used: "lite", "full", "heavy" or a file name.</param>
/// <param name="Input">The input's properties.</param>
/// <param name="Analysis">The session's analysis.</param>
/// <param name="ProcessingSettings">
/// Pipeline settings beyond <see cref="AnalysisSettings"/> that shaped the numbers (e.g. "refine" = "mask",
/// "smoothing" = "one-euro"), printed in every report as given.
/// </param>
/// <param name="PipelineWarnings">The pipeline's own warnings in plain words (decode errors, dropped frames).</param>
/// <param name="Complete">False when the input could not be read to its end (truncated, interrupted).</param>
/// <param name="IncompleteReason">Why the report is incomplete, in plain words.</param>
/// <param name="FppaAccuracy">
/// Expected FPPA accuracy from the accuracy evaluation ("± 2°, frontal view"), printed next to FPPA values; null
/// until measured.
/// </param>
/// <param name="RepBottomImages">Per rep index: the bottom frame with its overlay, JPEG or PNG bytes.</param>
public sealed record AnalysisReport(
    string ToolVersion,
    DateTimeOffset CreatedUtc,
    string ModelName,
    InputProperties Input,
    SessionAnalysis Analysis,
    ImmutableDictionary<string, string> ProcessingSettings,
    ImmutableArray<string> PipelineWarnings,
    bool Complete = true,
    string? IncompleteReason = null,
    string? FppaAccuracy = null,
    ImmutableDictionary<int, byte[]>? RepBottomImages = null)
{
    /// <summary>
    /// Whether the headline numbers may be coloured against the limit (<see cref="MeasurementTrust"/>); null = judged
    /// from the analysis alone, as for the evaluated set-up (<see cref="EffectiveTrust"/>).
    /// </summary>
    public MeasurementTrust? Trust { get; init; }

    /// <summary>The client's name (<c>--client</c>), at the top of the client page; null when not given.</summary>
    public string? Client { get; init; }

    /// <summary>The clinician's name (<c>--clinician</c>), at the top of the client page; null when not given.</summary>
    public string? Clinician { get; init; }

    /// <summary>When the session was recorded and how that is known; null = unknown (never the analysis time, never a file's mtime).</summary>
    public RecordingTime? Recorded { get; init; }

    /// <summary>
    /// The technical appendix's settings beyond the analysis' own (which <see cref="ReportFacts.Settings"/> reads from
    /// <see cref="AnalysisSettings"/>): the pose options by their command-line names ("--refine" = "mask"), then what
    /// only this kind of session has ("frame times", a live session's mode), in order. Empty: none.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, string>> AppendixSettings { get; init; } = [];

    /// <summary>The trust the reports colour by: <see cref="Trust"/>, or the analysis' own (view, framing, picture size).</summary>
    public MeasurementTrust EffectiveTrust => Trust ?? MeasurementTrust.Of(Analysis, setupEvaluated: true);

    /// <summary>Every warning a reader must see: the pipeline's first, then the analysis'.</summary>
    public ImmutableArray<string> AllWarnings =>
        PipelineWarnings.IsDefaultOrEmpty ? Analysis.Warnings : PipelineWarnings.AddRange(Analysis.Warnings);

    /// <summary>True when no frame had a person in it.</summary>
    public bool NoPersonFound
    {
        get
        {
            foreach (var frame in Analysis.Frames)
            {
                if (frame.HasPose)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
