"""Truth rows of the lunge clip: projected joint centres, the tested shank's true sagittal inclination, its
inclination in the image, and how far the tested heel has risen."""
import csv
import math

import vv_lunge_pose
import vv_truth_rows


def header():
    cols = ["frame", "time_s", "side", "attempt", "phase"]
    for side in vv_truth_rows.SIDES:
        for joint in vv_truth_rows.JOINTS:
            cols += [f"{side}_{joint}_x", f"{side}_{joint}_y"]
    return cols + ["tibia_deg", "tibia_image_deg", "heel_lift_mm"]


def image_tibia_deg(knee, ankle, toe):
    """Angle of ankle -> knee from the image's vertical, positive when the knee leans towards the toes."""
    dx, dy = knee[0] - ankle[0], knee[1] - ankle[1]
    magnitude = math.degrees(math.atan2(abs(dx), -dy))
    forward = 1.0 if toe[0] >= ankle[0] else -1.0
    return magnitude if dx * forward >= 0 else -magnitude


class LungeTruthTable:
    def __init__(self, side, camera, standing_heel_z):
        self.side, self.camera, self.standing_heel_z = side, camera, standing_heel_z
        self.rows = []
        self.peaks = {}

    def add(self, st, pose):
        p = vv_truth_rows.projected(pose, self.camera)
        row = [str(st.frame), f"{st.time_s:.4f}", self.side, str(st.attempt), st.phase]
        for side in vv_truth_rows.SIDES:
            for joint in vv_truth_rows.JOINTS:
                row += [f"{p[(side, joint)][0]:.3f}", f"{p[(side, joint)][1]:.3f}"]
        leg = getattr(pose, self.side)
        tibia = vv_lunge_pose.tibia_deg(leg.knee, leg.ankle)
        image = image_tibia_deg(p[(self.side, "knee")], p[(self.side, "ankle")], p[(self.side, "toe")])
        lift_mm = 1000.0 * (leg.heel[2] - self.standing_heel_z)
        row += [f"{tibia:.3f}", f"{image:.3f}", f"{lift_mm:.1f}"]
        self.rows.append(row)
        key = f"attempt{st.attempt}_peak_tibia_deg"
        if st.attempt:
            self.peaks[key] = max(self.peaks.get(key, -90.0), tibia)
            self.peaks[f"attempt{st.attempt}_peak_heel_lift_mm"] = max(
                self.peaks.get(f"attempt{st.attempt}_peak_heel_lift_mm", 0.0), lift_mm)

    def write(self, path):
        with open(path, "w", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header())
            writer.writerows(self.rows)

    def summary(self):
        return dict(self.peaks)
