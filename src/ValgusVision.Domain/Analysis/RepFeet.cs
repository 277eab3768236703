using ValgusVision.Domain.Pose;
namespace ValgusVision.Domain.Analysis;

/// <summary>What <see cref="FeetPlacement.ForRep"/> found for one rep.</summary>
/// <param name="Lead">The front leg of a split stance; null when not split or when the cues disagree.</param>
/// <param name="AtBottom">The feet at the rep's bottom (or its deepest frame that showed both ankles).</param>
/// <param name="Note">Why the stance or the lead leg could not be told; null when it could.</param>
public sealed record RepFeet(FeetStance Stance, Side? Lead, FeetFrame? AtBottom, string? Note)
{
    public static RepFeet Unknown(string note) => new(FeetStance.Unknown, null, null, note);

    public bool BothDown => Stance is FeetStance.SideBySide or FeetStance.Split;
}
