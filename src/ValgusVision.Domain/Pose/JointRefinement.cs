namespace ValgusVision.Domain.Pose;

/// <summary>
/// What the joint-centre refinement did on one frame: which points it moved, for which it kept the model's point
/// because a guard failed, and the first reason. A frame refined with <c>Refinement.JointRefinementMode.None</c> (or
/// with no pose) is <c>default</c>: nothing moved, nothing flagged.
/// </summary>
/// <param name="Refined">Points moved to the middle of the limb's silhouette.</param>
/// <param name="Kept">Points the refinement looked at and left at the model's place because a guard failed.</param>
/// <param name="Issue">The first guard that failed on this frame; <see cref="RefinementIssue.None"/> when none did.</param>
public readonly record struct JointRefinement(RefinedJoints Refined, RefinedJoints Kept, RefinementIssue Issue)
{
    /// <summary>A guard failed on this frame: at least one point is the model's although refinement was asked for.</summary>
    public bool Flagged => Issue != RefinementIssue.None;

    public bool IsRefined(RefinedJoints joint) => (Refined & joint) != 0;

    /// <summary>True when the knee or ankle of <paramref name="side"/> kept the model's point because of a guard.</summary>
    public bool KeptOn(Side side) => (Kept & (Knee(side) | Ankle(side))) != 0;

    public static RefinedJoints Knee(Side side) => side == Side.Left ? RefinedJoints.LeftKnee : RefinedJoints.RightKnee;

    public static RefinedJoints Ankle(Side side) => side == Side.Left ? RefinedJoints.LeftAnkle : RefinedJoints.RightAnkle;

    /// <summary>"left_knee right_ankle" for CSV cells; empty for none.</summary>
    public static string Names(RefinedJoints joints)
    {
        if (joints == RefinedJoints.None)
        {
            return string.Empty;
        }

        var names = new List<string>(4);
        if ((joints & RefinedJoints.LeftKnee) != 0) names.Add("left_knee");
        if ((joints & RefinedJoints.RightKnee) != 0) names.Add("right_knee");
        if ((joints & RefinedJoints.LeftAnkle) != 0) names.Add("left_ankle");
        if ((joints & RefinedJoints.RightAnkle) != 0) names.Add("right_ankle");
        return string.Join(' ', names);
    }

    /// <summary>The inverse of <see cref="Names"/>; unknown words are ignored.</summary>
    public static RefinedJoints ParseNames(string? text)
    {
        var joints = RefinedJoints.None;
        foreach (var word in (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            joints |= word switch
            {
                "left_knee" => RefinedJoints.LeftKnee,
                "right_knee" => RefinedJoints.RightKnee,
                "left_ankle" => RefinedJoints.LeftAnkle,
                "right_ankle" => RefinedJoints.RightAnkle,
                _ => RefinedJoints.None,
            };
        }

        return joints;
    }
}
