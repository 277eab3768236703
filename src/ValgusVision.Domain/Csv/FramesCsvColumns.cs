using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Csv;

/// <summary>
/// Column names of the frames CSV (docs/frames-csv.md): the pose columns reanalysis reads back, then the computed
/// metric columns it ignores and recomputes.
/// </summary>
public static class FramesCsvColumns
{
    public const string Frame = "frame";
    public const string Time = "time_s";
    public const string ImageWidth = "image_width";
    public const string ImageHeight = "image_height";
    public const string HasPose = "has_pose";
    public const string Presence = "presence";
    public const string LegSwap = "leg_swap";

    /// <summary>People the pose detector saw at its last people count (on this frame or up to the count interval before); empty = none made.</summary>
    public const string PeopleDetected = "people_detected";

    /// <summary>A metric column reanalysis reads back on frames without a pose: "subject_lost" there is a pose-stage fact.</summary>
    public const string LeftFppaStatus = "left_fppa_status";

    /// <summary>Joints the refinement moved to the limb's middle ("left_knee left_ankle"); empty = none.</summary>
    public const string Refined = "refined";

    /// <summary>Joints for which a refinement guard kept the model's point; empty = none.</summary>
    public const string RefineKept = "refine_kept";

    /// <summary>The first guard that failed on the frame ("limb-touching", "no-mask", …); empty = none.</summary>
    public const string RefineIssue = "refine_issue";

    /// <summary>The hip-point estimator (<c>--hip-centre</c>) moved the hips: 1, kept the model's: 0; empty = none asked for.</summary>
    public const string HipsMoved = "hips_moved";

    /// <summary>Why it kept the model's hips ("too-wide", "no-mask", …); empty = moved or none asked for.</summary>
    public const string HipsKept = "hips_kept";

    /// <summary>
    /// The shanks' silhouette centrelines and shin edges (<see cref="Pose.ShankAxis"/>: degrees of ankle → knee
    /// from image up, + = knee to the right); empty = not read. The lunge test measures from them.
    /// </summary>
    public const string LeftShankAxis = "left_shank_axis_deg";

    public const string LeftShin = "left_shin_deg";

    public const string RightShankAxis = "right_shank_axis_deg";

    public const string RightShin = "right_shin_deg";

    /// <summary>The foot's silhouette base under a refined ankle (<see cref="Pose.FootBase"/>): middle x and width, px; empty = not read.</summary>
    public const string LeftFootBaseX = "left_foot_base_x";

    public const string LeftFootBaseWidth = "left_foot_base_width";

    public const string RightFootBaseX = "right_foot_base_x";

    public const string RightFootBaseWidth = "right_foot_base_width";

    /// <summary>The joints stored per side, in column order, with their CSV names.</summary>
    public static IReadOnlyList<(string Name, Func<Side, BodyLandmark> Landmark)> Joints { get; } =
    [
        ("shoulder", s => s.Shoulder()),
        ("hip", s => s.Hip()),
        ("knee", s => s.Knee()),
        ("ankle", s => s.Ankle()),
        ("heel", s => s.Heel()),
        ("foot_index", s => s.FootIndex()),
    ];

    /// <summary>Per joint: image x, y (pixels), visibility, world x, y, z (metres).</summary>
    public static IReadOnlyList<string> JointSuffixes { get; } = ["x", "y", "visibility", "world_x", "world_y", "world_z"];

    /// <summary>
    /// Computed metrics, written for people and other tools; reanalysis recomputes them. The last four are the lunge
    /// test's (`--exercise ankle-lunge`, empty otherwise): the front leg, its levelled tibial inclination, heel lift and
    /// the attempt number (1-based, per side).
    /// </summary>
    public static IReadOnlyList<string> Metrics { get; } =
    [
        "left_fppa_deg",
        "right_fppa_deg",
        LeftFppaStatus,
        "right_fppa_status",
        "left_fppa_implausible",
        "right_fppa_implausible",
        "left_knee_frontal_3d_deg",
        "right_knee_frontal_3d_deg",
        "stance",
        "hip_shift_pct",
        "hip_shift_change_pct",
        "hip_shift_cm",
        "knee_valgus_shift_pct",
        "pelvic_drop_deg",
        "knee_over_foot_pct",
        "ankle_over_foot_base_pct",
        "trunk_lean_deg",
        "trunk_flexion_deg",
        "depth_pct",
        "knee_ankle_separation_ratio",
        "body_yaw_deg",
        "view_warning",
        "frame_rate_hz",
        "left_thigh_ratio",
        "left_shank_ratio",
        "right_thigh_ratio",
        "right_shank_ratio",
        "rep",
        "event",
        "lunge_side",
        "tibial_inclination_deg",
        "heel_lifted",
        "lunge_attempt",
    ];

    public static string JointColumn(Side side, string joint, string suffix) => $"{side.ToName()}_{joint}_{suffix}";

    /// <summary>The full header, in order.</summary>
    public static IReadOnlyList<string> Header { get; } = BuildHeader();

    private static List<string> BuildHeader()
    {
        var header = new List<string> { Frame, Time, ImageWidth, ImageHeight, HasPose, Presence, LegSwap, PeopleDetected, Refined, RefineKept, RefineIssue, HipsMoved, HipsKept, LeftShankAxis, LeftShin, RightShankAxis, RightShin, LeftFootBaseX, LeftFootBaseWidth, RightFootBaseX, RightFootBaseWidth };
        foreach (var side in new[] { Side.Left, Side.Right })
        {
            foreach (var (joint, _) in Joints)
            {
                foreach (var suffix in JointSuffixes)
                {
                    header.Add(JointColumn(side, joint, suffix));
                }
            }
        }

        header.AddRange(Metrics);
        return header;
    }
}
