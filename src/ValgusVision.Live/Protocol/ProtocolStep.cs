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
    /// <summary>Seconds before a headless untimed set after its first hold (see <see cref="UnattendedLimitSeconds"/>).</summary>
    public const double UnattendedMarginSeconds = 10.0;

    public bool IsTimed => DurationSeconds is not null;

    /// <summary>
    /// How long an untimed set (the hip hitch) may run when nobody can end it with a key (headless): each rep gets its
    /// hold twice over (the hold, then as long again to lower, rest and lift), plus <see cref="UnattendedMarginSeconds"/>
    /// to get going — 5 × 5 s holds: 60 s. A timed set ends by its own clock: null.
    /// </summary>
    public double? UnattendedLimitSeconds => IsTimed ? null : (TargetReps ?? 0) * 2 * (HoldSeconds ?? 0) + UnattendedMarginSeconds;

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
