using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Truth;

namespace ValgusVision.App.Evaluation;

/// <summary>How far one of the six measured joints (hips, knees, ankles) sat from its true centre.</summary>
/// <param name="Name">The truth file's name for it: "left_hip", "right_knee", …</param>
public sealed record JointAccuracy(string Name, Side Side, BodyLandmark Landmark, DistanceSummary Pixels)
{
    /// <summary>The six joints FPPA and hip shift are made of, person's left then right, hip to ankle.</summary>
    public static IReadOnlyList<(string Name, Side Side, BodyLandmark Landmark, Func<TruthLeg, Point2> TrueCentre)> Measured { get; } =
    [
        ("left_hip", Side.Left, BodyLandmark.LeftHip, leg => leg.Hip), ("right_hip", Side.Right, BodyLandmark.RightHip, leg => leg.Hip),
        ("left_knee", Side.Left, BodyLandmark.LeftKnee, leg => leg.Knee), ("right_knee", Side.Right, BodyLandmark.RightKnee, leg => leg.Knee),
        ("left_ankle", Side.Left, BodyLandmark.LeftAnkle, leg => leg.Ankle), ("right_ankle", Side.Right, BodyLandmark.RightAnkle, leg => leg.Ankle),
    ];
}
