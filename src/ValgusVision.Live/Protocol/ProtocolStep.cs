using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Protocol;

/// <summary>
/// One set of the guided protocol: an exercise on one leg, either for a time (<see cref="DurationSeconds"/>) or for a
/// number of reps each held at the top (<see cref="TargetReps"/>, <see cref="HoldSeconds"/>).
/// </summary>
/// <param name="SetNumber">1-based set of this exercise on this leg.</param>
public sealed record ProtocolStep(
    Exercise Exercise,
    Side Side,
    int SetNumber,
    int SetsTotal,
    double? DurationSeconds,
    int? TargetReps,
    double? HoldSeconds)
{
    public bool IsTimed => DurationSeconds is not null;

    /// <summary>"Hip hitch, left leg, set 1 of 1: 5 reps, hold 5 s at the top".</summary>
    public string Title
    {
        get
        {
            string what = IsTimed ? $"{DurationSeconds:0} s" : $"{TargetReps} reps, hold {HoldSeconds:0} s at the top";
            string title = Exercise.ToTitle();
            return $"{char.ToUpperInvariant(title[0])}{title[1..]}, {Side.ToName()} leg, set {SetNumber} of {SetsTotal}: {what}";
        }
    }
}
