using ValgusVision.Domain.Pose;

namespace ValgusVision.Cli.Commands;

/// <summary>The command line of <c>valgus reanalyze</c> as values (null = default).</summary>
public sealed record ReanalyzeOptions(
    string FramesPath,
    double? ThresholdDeg = null,
    string? Exercise = null,
    string? Side = null,
    double? HeightCm = null,
    string? OutputFolder = null);
