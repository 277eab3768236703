"""Builds the <name>.truth.csv rows: projected joint centres, the visible (silhouette) centres of knees and
ankles from the mask pass, FPPA of both, hip shift, pelvic drop and depth (docs/metrics.md definitions)."""
import csv
import math

import vv_silhouette
import vv_truth

SIDES = ("left", "right")
JOINTS = ("hip", "knee", "ankle", "heel", "toe")
MASK_CHANNEL = {"left": 0, "right": 1}


def header():
    cols = ["frame", "time_s", "stance", "rep", "phase"]
    for side in SIDES:
        for joint in JOINTS:
            cols += [f"{side}_{joint}_x", f"{side}_{joint}_y"]
        cols += [f"{side}_fppa_deg", f"{side}_knee_visible_x", f"{side}_knee_visible_y",
                 f"{side}_ankle_visible_x", f"{side}_ankle_visible_y", f"{side}_fppa_visible_deg"]
    return cols + ["hip_shift_pct", "hip_shift_change_pct", "pelvic_drop_deg", "depth_pct"]


def _other(side):
    return "right" if side == "left" else "left"


def projected(pose, camera):
    out = {}
    for side in SIDES:
        leg = getattr(pose, side)
        for joint in JOINTS:
            out[(side, joint)] = camera.project(getattr(leg, joint))
    return out


def stance_fppa(pose, camera, stance):
    p = projected(pose, camera)
    return vv_truth.fppa_deg(p[(stance, "hip")], p[(stance, "knee")], p[(stance, "ankle")],
                             p[(_other(stance), "hip")])


def _fmt(value, digits=3):
    return "" if value is None else f"{value:.{digits}f}"


class TruthTable:
    def __init__(self, stance, camera, baseline_pose_at):
        """baseline_pose_at(frame) -> the pose at that frame, for the standing baselines at rep starts."""
        self.stance, self.camera, self.baseline_pose_at = stance, camera, baseline_pose_at
        self.rows = []
        self.checks = {(side, joint): [] for side in SIDES for joint in ("knee", "ankle", "fppa")}
        self.hidden = {side: 0 for side in SIDES}
        self._baselines = {}
        self.peaks = {}

    def _baseline(self, frame):
        if frame not in self._baselines:
            p = projected(self.baseline_pose_at(frame), self.camera)
            s = self.stance
            leg_px = vv_truth.leg_length_px(p[(s, "hip")], p[(s, "ankle")])
            shift = vv_truth.hip_shift_pct(p[(s, "hip")], p[(s, "ankle")], p[(_other(s), "hip")], leg_px)
            mid_y = (p[("left", "hip")][1] + p[("right", "hip")][1]) / 2
            self._baselines[frame] = (leg_px, shift, mid_y)
        return self._baselines[frame]

    def add(self, st, pose, mask_pixels, mask_rect):
        x0, y0, x1, y1 = mask_rect
        p = projected(pose, self.camera)
        row = [str(st.frame), f"{st.time_s:.4f}", self.stance if st.lift > 0 else "none", str(st.rep), st.phase]
        for side in SIDES:
            hip, knee, ankle = p[(side, "hip")], p[(side, "knee")], p[(side, "ankle")]
            other_hip = p[(_other(side), "hip")]
            for joint in JOINTS:
                row += [_fmt(p[(side, joint)][0]), _fmt(p[(side, joint)][1])]
            fppa = vv_truth.fppa_deg(hip, knee, ankle, other_hip)
            mask = vv_silhouette.CoverageMask(mask_pixels, x1 - x0, y1 - y0, MASK_CHANNEL[side], x0, y0)
            vis_knee = vv_silhouette.visible_centre(mask, knee, vv_silhouette.knee_axis(hip, knee, ankle))
            vis_ankle = vv_silhouette.visible_centre(mask, ankle, (knee[0] - ankle[0], knee[1] - ankle[1]))
            vis_fppa = None
            if vis_knee is not None and vis_ankle is not None:
                vis_fppa = vv_truth.fppa_deg(hip, vis_knee, vis_ankle, other_hip)
                self.checks[(side, "fppa")].append(abs(vis_fppa - fppa))
            else:
                self.hidden[side] += 1
            if vis_knee is not None:
                self.checks[(side, "knee")].append(math.dist(vis_knee, knee))
            if vis_ankle is not None:
                self.checks[(side, "ankle")].append(math.dist(vis_ankle, ankle))
            row += [_fmt(fppa), _fmt(vis_knee and vis_knee[0]), _fmt(vis_knee and vis_knee[1]),
                    _fmt(vis_ankle and vis_ankle[0]), _fmt(vis_ankle and vis_ankle[1]), _fmt(vis_fppa)]
        leg_px, base_shift, base_mid_y = self._baseline(st.rep_start_frame)
        s = self.stance
        shift = vv_truth.hip_shift_pct(p[(s, "hip")], p[(s, "ankle")], p[(_other(s), "hip")], leg_px)
        drop = vv_truth.pelvic_drop_deg(p[(s, "hip")], p[(_other(s), "hip")])
        mid_y = (p[("left", "hip")][1] + p[("right", "hip")][1]) / 2
        depth = vv_truth.depth_pct(mid_y, base_mid_y, leg_px)
        row += [_fmt(shift), _fmt(shift - base_shift), _fmt(drop), _fmt(depth)]
        self.rows.append(row)
        stance_fppa_value = float(row[header().index(f"{s}_fppa_deg")])
        for key, value in (("peak_stance_fppa_deg", stance_fppa_value), ("peak_hip_shift_change_pct", shift - base_shift),
                           ("peak_pelvic_drop_deg", drop), ("peak_depth_pct", depth)):
            self.peaks[key] = max(self.peaks.get(key, -1e9), value)

    def write(self, path):
        with open(path, "w", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header())
            writer.writerows(self.rows)

    def summary(self):
        out = dict(self.peaks)
        for side in SIDES:
            role = "stance" if side == self.stance else "free"
            for what in ("knee", "ankle", "fppa"):
                values = self.checks[(side, what)]
                unit = "deg" if what == "fppa" else "px"
                out[f"{role}_{what}_visible_max_{unit}"] = max(values) if values else None
                out[f"{role}_{what}_visible_mean_{unit}"] = sum(values) / len(values) if values else None
            out[f"{role}_frames_without_visible_centres"] = self.hidden[side]
        return out
