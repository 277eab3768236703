using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Protocol;

/// <summary>
/// What a finished set showed.
/// </summary>
/// <param name="DurationSeconds">From start to end of the set.</param>
/// <param name="Reps">Reps finished during the set (for the hip hitch: reps held for the full hold time).</param>
/// <param name="ValgusEvents">Valgus events of the stance knee during the set.</param>
/// <param name="MeanFppaAtBottomDeg">Mean FPPA at the reps' bottoms; null without reps.</param>
/// <param name="PeakFppaDeg">Highest FPPA of any rep; null without reps.</param>
public sealed record SetSummary(
    ProtocolStep Step,
    double DurationSeconds,
    int Reps,
    int ValgusEvents,
    double? MeanFppaAtBottomDeg,
    double? PeakFppaDeg)
{
    /// <summary>One line for the screen and the console.</summary>
    public string Describe()
    {
        string fppa = MeanFppaAtBottomDeg is { } mean ? $", FPPA at bottom {mean:0.0}° (peak {PeakFppaDeg:0.0}°)" : string.Empty;
        string events = ValgusEvents == 1 ? "1 valgus event" : $"{ValgusEvents} valgus events";
        // A set for a number of held reps says how many of them were held: "0 of 5 holds" when it ran out of time.
        string reps = Step.IsTimed || Step.TargetReps is null ? $"{Reps} reps" : $"{Reps} of {Step.TargetReps} holds";
        return $"{Step.Exercise.ToTitle()}, {Step.Side.ToName()} leg, set {Step.SetNumber}: {reps} in {DurationSeconds:0} s, {events}{fppa}";
    }
}
