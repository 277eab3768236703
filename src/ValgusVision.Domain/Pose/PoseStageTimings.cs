namespace ValgusVision.Domain.Pose;

/// <summary>Milliseconds spent in each stage of one frame's pose estimation (0 for a stage that did not run).</summary>
public readonly record struct PoseStageTimings(
    double DetectorMs,
    double CropMs,
    double LandmarkModelMs,
    double DecodeMs,
    double SmoothingMs,
    double TotalMs);
