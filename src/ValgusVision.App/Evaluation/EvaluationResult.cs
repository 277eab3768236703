using System.Collections.Immutable;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// One <c>valgus eval</c> run: the clips measured, the clips that could not be (one line each, naming the file), and
/// what the tool ran with.
/// </summary>
/// <param name="ModelName">The pose model ("full", "heavy", a file name).</param>
/// <param name="Levers">The pose engine's levers.</param>
/// <param name="PoseMillisecondsPerFrame">Mean pose time per frame over all clips (decode excluded).</param>
public sealed record EvaluationResult(
    ImmutableArray<ClipAccuracy> Clips,
    ImmutableArray<string> Failures,
    string ModelName,
    PoseLevers Levers,
    double? PoseMillisecondsPerFrame)
{
    /// <summary>The clips the tool itself calls frontal (no view-angle warning): the set the accuracy targets hold for.</summary>
    public IEnumerable<ClipAccuracy> Frontal => Clips.Where(c => !c.ViewWarning);

    /// <summary>FPPA errors at the bottoms of every found rep of the frontal clips.</summary>
    public ErrorSummary FrontalFppaAtBottoms => ErrorSummary.Of(
        [.. Frontal.SelectMany(c => c.Reps).Where(r => r.FppaAtBottom.Bias.HasValue).Select(r => r.FppaAtBottom.Bias!.Value)]);

    /// <summary>Clips (any view) whose reps were not counted exactly.</summary>
    public int ClipsWithRepsMiscounted => Clips.Count(c => !c.RepCountCorrect);
}
