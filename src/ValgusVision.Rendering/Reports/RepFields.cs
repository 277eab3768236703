using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// The per-rep fields, in one list so report.json and reps.csv can never disagree. <see cref="All"/> holds the
/// scalar fields both write; the CSV flattens the nested ones (<see cref="CsvOnly"/>) that the JSON writes as
/// objects (events, quality, hipHitch, landing, bothKnees).
/// </summary>
public static class RepFields
{
    public static IReadOnlyList<RepField> All { get; } =
    [
        new("index", "index", r => r.Index),
        new("number", "rep", r => r.Index + 1),
        new("exercise", "exercise", r => r.Exercise.ToName()),
        new("side", "side", r => r.Side?.ToName()),
        new("startTimeSeconds", "start_time_s", r => r.StartTimeSeconds),
        new("bottomTimeSeconds", "bottom_time_s", r => r.BottomTimeSeconds),
        new("endTimeSeconds", "end_time_s", r => r.EndTimeSeconds),
        new("durationSeconds", "duration_s", r => r.DurationSeconds),
        new("startFrame", "start_frame", r => r.StartFrame),
        new("bottomFrame", "bottom_frame", r => r.BottomFrame),
        new("endFrame", "end_frame", r => r.EndFrame),
        new("depthPct", "depth_pct", r => r.DepthPct),
        new("fppaAtBottomDeg", "fppa_at_bottom_deg", r => r.FppaAtBottomDeg),
        new("peakFppaDeg", "peak_fppa_deg", r => r.PeakFppaDeg),
        new("kneeValgusShiftPct", "knee_valgus_shift_pct", r => r.KneeValgusShiftPct),
        new("peakHipShiftPct", "peak_hip_shift_pct", r => r.PeakHipShiftPct),
        new("peakHipShiftChangePct", "peak_hip_shift_change_pct", r => r.PeakHipShiftChangePct),
        new("peakHipShiftCm", "peak_hip_shift_cm", r => r.PeakHipShiftCm),
        new("peakPelvicDropDeg", "peak_pelvic_drop_deg", r => r.PeakPelvicDropDeg),
        new("peakKneeOverFootPct", "peak_knee_over_foot_pct", r => r.PeakKneeOverFootPct),
        new("footCollapsePct", "foot_collapse_pct", r => r.FootCollapsePct),
        new("trunkLeanAtBottomDeg", "trunk_lean_at_bottom_deg", r => r.TrunkLeanAtBottomDeg),
        new("peakTrunkFlexionDeg", "peak_trunk_flexion_deg", r => r.PeakTrunkFlexionDeg),
        new("thighRatioAtBottom", "thigh_ratio_at_bottom", r => r.ThighRatioAtBottom),
        new("hasValgusEvent", "has_valgus_event", r => r.HasValgusEvent),
        new("notMeasured", "not_measured", r => r.NotMeasured?.ToName()),
        new("verdict", "verdict", r => r.Verdict),
    ];

    public static IReadOnlyList<RepField> CsvOnly { get; } =
    [
        new("events.length", "event_count", r => r.Events.IsDefault ? 0 : r.Events.Length),
        new("events[].peakFppaDeg (largest)", "event_peak_fppa_deg", r => WorstEvent(r)),
        new("events[].durationSeconds (sum)", "event_duration_s", r => EventSeconds(r)),
        new("quality.trusted", "quality_trusted", r => r.Quality.IsTrusted),
        new("quality.minLegVisibility", "quality_min_leg_visibility", r => (double?)r.Quality.MinLegVisibility),
        new("quality.maxOffAxisDeg", "quality_max_off_axis_deg", r => r.Quality.MaxOffAxisDeg),
        new("quality.frameRateHz", "quality_frame_rate_hz", r => r.Quality.FrameRateHz),
        new("quality.refinementKeptFrames", "quality_refinement_kept_frames", r => r.Quality.RefinementKeptFrames),
        new("quality.issues (joined with '; ')", "quality_issues", r => r.Quality.Issues.IsDefaultOrEmpty ? string.Empty : string.Join("; ", r.Quality.Issues)),
        new("hipHitch.pelvicDropRangeDeg", "hitch_pelvic_drop_range_deg", r => r.HipHitch?.PelvicDropRangeDeg),
        new("hipHitch.topHoldSeconds", "hitch_top_hold_s", r => r.HipHitch?.TopHoldSeconds),
        new("hipHitch.topElevationDeg", "hitch_top_elevation_deg", r => r.HipHitch?.TopElevationDeg),
        new("landing.initialContactTimeSeconds", "landing_contact_time_s", r => r.Landing?.InitialContactTimeSeconds),
        new("landing.initialContactFrame", "landing_contact_frame", r => r.Landing?.InitialContactFrame),
        new("landing.peakFlexionTimeSeconds", "landing_peak_flexion_time_s", r => r.Landing?.PeakFlexionTimeSeconds),
        new("landing.peakFlexionFrame", "landing_peak_flexion_frame", r => r.Landing?.PeakFlexionFrame),
        new("landing.leftFppaAtContactDeg", "landing_left_fppa_at_contact_deg", r => r.Landing?.LeftFppaAtContactDeg),
        new("landing.rightFppaAtContactDeg", "landing_right_fppa_at_contact_deg", r => r.Landing?.RightFppaAtContactDeg),
        new("landing.leftFppaAtPeakFlexionDeg", "landing_left_fppa_at_peak_flexion_deg", r => r.Landing?.LeftFppaAtPeakFlexionDeg),
        new("landing.rightFppaAtPeakFlexionDeg", "landing_right_fppa_at_peak_flexion_deg", r => r.Landing?.RightFppaAtPeakFlexionDeg),
        new("landing.separationRatioAtContact", "landing_separation_ratio_at_contact", r => r.Landing?.SeparationRatioAtContact),
        new("landing.separationRatioAtPeakFlexion", "landing_separation_ratio_at_peak_flexion", r => r.Landing?.SeparationRatioAtPeakFlexion),
        new("bothKnees.feet", "both_feet", r => r.BothKnees is { } b ? BothKneesJson.FeetName(b.Feet) : null),
        new("bothKnees.leftFppaAtBottomDeg", "both_left_fppa_deg", r => r.BothKnees?.LeftFppaAtBottomDeg),
        new("bothKnees.rightFppaAtBottomDeg", "both_right_fppa_deg", r => r.BothKnees?.RightFppaAtBottomDeg),
        new("bothKnees.differenceDeg", "both_difference_deg", r => r.BothKnees?.DifferenceDeg),
        new("bothKnees.leadLeg", "lead_leg", r => r.BothKnees?.LeadLeg?.ToName()),
    ];

    private static double? WorstEvent(Rep rep)
    {
        double? worst = null;
        foreach (var e in rep.Events.IsDefault ? [] : rep.Events)
        {
            worst = worst is { } w ? Math.Max(w, e.PeakFppaDeg) : e.PeakFppaDeg;
        }

        return worst;
    }

    private static double EventSeconds(Rep rep)
    {
        var total = 0.0;
        foreach (var e in rep.Events.IsDefault ? [] : rep.Events)
        {
            total += e.DurationSeconds;
        }

        return total;
    }
}
