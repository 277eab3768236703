using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;

namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// How both overlays (the Skia overlay video and the live window) mark a joint: a point the joint-centre refinement
/// centred in the limb's silhouette, or a hip the hip-point estimator (<c>--hip-centre</c>) moved, is a hollow ring
/// (the centre it marks stays visible inside), the model's own point a filled dot; a legend line says so while any
/// point was moved or deliberately kept.
/// </summary>
public static class RefinedPointMarks
{
    /// <summary>A ring's radius as a multiple of a dot's, so the ring reads as "around the point", not a bigger dot.</summary>
    public const float RingRadiusFactor = 1.6f;

    public const string RingLegend = "centred in silhouette";

    /// <summary>The ring's legend when the hips were moved too (not every hip estimator reads the silhouette).</summary>
    public const string MovedLegend = "moved to joint centre";

    public const string DotLegend = "model point";

    /// <summary>The refinement's flag for a joint (knees and ankles are refined; every other joint never is).</summary>
    public static RefinedJoints Flag(BodyLandmark joint) => joint switch
    {
        BodyLandmark.LeftKnee => RefinedJoints.LeftKnee,
        BodyLandmark.RightKnee => RefinedJoints.RightKnee,
        BodyLandmark.LeftAnkle => RefinedJoints.LeftAnkle,
        BodyLandmark.RightAnkle => RefinedJoints.RightAnkle,
        _ => RefinedJoints.None,
    };

    /// <summary>True when <paramref name="joint"/> is drawn as a ring.</summary>
    public static bool IsRing(RefinedJoints refined, BodyLandmark joint) => (refined & Flag(joint)) != 0;

    /// <summary>True when <paramref name="joint"/> of <paramref name="pose"/> is drawn as a ring: refined, or a hip the estimator moved.</summary>
    public static bool IsRing(PoseFrame pose, BodyLandmark joint)
    {
        ArgumentNullException.ThrowIfNull(pose);
        return joint is BodyLandmark.LeftHip or BodyLandmark.RightHip ? pose.Hips.Moved : IsRing(pose.Refinement.Refined, joint);
    }

    /// <summary>The legend is shown while the refinement or the hip estimator looked at the pose (moved or deliberately kept a point).</summary>
    public static bool ShowsLegend(PoseFrame pose)
    {
        ArgumentNullException.ThrowIfNull(pose);
        return pose.HasPose && ((pose.Refinement.Refined | pose.Refinement.Kept) != RefinedJoints.None || pose.Hips.Asked);
    }

    /// <summary>The ring's words for this pose: <see cref="MovedLegend"/> once the hips were moved, else <see cref="RingLegend"/>.</summary>
    public static string RingLegendFor(PoseFrame pose)
    {
        ArgumentNullException.ThrowIfNull(pose);
        return pose.Hips.Moved ? MovedLegend : RingLegend;
    }
}
