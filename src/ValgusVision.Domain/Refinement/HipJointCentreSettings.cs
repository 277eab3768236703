namespace ValgusVision.Domain.Refinement;

/// <summary>
/// The hip joint centre's offset from the model's hip point in the pelvis's frame, in % of the 3D leg length
/// (<see cref="HipJointCentreEstimator"/>). <see cref="H36mFit"/> was fitted on Human3.6M subjects S1 and S7 only
/// (marker-based joint centres; HipJointCentreRealPeopleTests reports it on the held-out S5 and S8).
/// </summary>
public sealed record HipJointCentreSettings(double RaisePctOfLeg, double LateralPctOfLeg)
{
    /// <summary>Least squares over the 4 hips of S1 and S7 (HipJointCentreRealPeopleTests prints the fit).</summary>
    public static HipJointCentreSettings H36mFit { get; } = new(10.5, 4.9);
}
