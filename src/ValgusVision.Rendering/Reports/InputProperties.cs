namespace ValgusVision.Rendering.Reports;

/// <summary>What was analysed, as the reports describe it.</summary>
/// <param name="FileName">The input's file name (no folder: reports are handed to clients).</param>
/// <param name="Width">Frame width after rotation metadata was applied.</param>
/// <param name="Height">Frame height after rotation metadata was applied.</param>
/// <param name="FrameRateHz">Median frame rate from the container's timestamps; null for a still image.</param>
/// <param name="FrameCount">Frames analysed.</param>
/// <param name="DurationSeconds">Time from the first to the last analysed frame.</param>
/// <param name="RotationDegrees">Rotation metadata of the file (0, 90, 180, 270) that was applied.</param>
/// <param name="VariableFrameRate">The timestamps' spacing varies (phone video), so times come from the container.</param>
/// <param name="StartSeconds">Start of the analysed range (<c>--start</c>), 0 for the whole file.</param>
/// <param name="EndSeconds">End of the analysed range (<c>--end</c>); null for the whole file.</param>
public sealed record InputProperties(
    string FileName,
    int Width,
    int Height,
    double? FrameRateHz,
    int FrameCount,
    double DurationSeconds,
    int RotationDegrees,
    bool VariableFrameRate = false,
    double StartSeconds = 0,
    double? EndSeconds = null);
