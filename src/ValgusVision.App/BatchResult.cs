namespace ValgusVision.App;

/// <summary>
/// What a batch did; <see cref="Rows"/> are the lines of its summary file, in the plan's order. <see cref="Analysed"/>
/// inputs ran the model; <see cref="Recomputed"/> ones were redone from their frames.csv without it.
/// </summary>
public sealed record BatchResult(
    IReadOnlyList<SummaryRow> Rows,
    int Analysed,
    int Skipped,
    IReadOnlyList<(string Input, string Error)> Failures,
    string SummaryPath,
    int FramesAnalysed,
    double WallSeconds,
    int Recomputed = 0)
{
    public double FramesPerSecond => WallSeconds > 0 ? FramesAnalysed / WallSeconds : 0;
}
