namespace ValgusVision.App;

/// <summary>What a batch did; <see cref="Rows"/> are the lines of its summary file, in the plan's order.</summary>
public sealed record BatchResult(
    IReadOnlyList<SummaryRow> Rows,
    int Analysed,
    int Skipped,
    IReadOnlyList<(string Input, string Error)> Failures,
    string SummaryPath,
    int FramesAnalysed,
    double WallSeconds)
{
    public double FramesPerSecond => WallSeconds > 0 ? FramesAnalysed / WallSeconds : 0;
}
