"""Compares `valgus analyze --exercise ankle-lunge` with rendered lunges' truth (docs/accuracy.md, "Lunge on body B").

Usage: python3 samples/generator/lunge_table.py TRUTH_DIR OUT_DIR NAME...
TRUTH_DIR holds <NAME>.truth.csv (the generator's), OUT_DIR the tool's <NAME>.attempts.csv and <NAME>.frames.csv.
Prints, per clip, each attempt (tool vs the true sagittal tibial angle and its image angle at the tool's peak
frame, heel lift found vs true), the verdicts, and the tested leg's pixel errors (knee, ankle, heel, toe): over all
frames with a pose (median / 95th percentile) and at the attempts' peaks (mean distance, and the mean offset
forward = towards the toes, and up)."""
import csv
import math
import statistics
import sys

RESTRICTED_BELOW_DEG = 35.0  # the tool's cut-off (report.json "cutOffs"), for the true verdict
HEEL_LIFT_MM = 5.0  # a true heel rise above this counts as a lift
JOINTS = (("knee", "knee"), ("ankle", "ankle"), ("heel", "heel"), ("toe", "foot_index"))


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def image_tibia_deg(kx, ky, ax, ay, toe_x):
    """As vv_lunge_truth.image_tibia_deg: ankle -> knee from the image vertical, + towards the toes."""
    dx, dy = kx - ax, ky - ay
    magnitude = math.degrees(math.atan2(abs(dx), -dy))
    forward = 1.0 if toe_x >= ax else -1.0
    return magnitude if dx * forward >= 0 else -magnitude


def pct(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def shank_line(frames, truth, attempts, side):
    """Where the silhouette's shank angle goes wrong: its axis against the image truth on the frames deeper than
    20° where the axis was read, the shin edge at the peaks (the far leg hides the back edge there), and the
    offset the tool added to that edge."""
    def towards_toes(f, column):
        # the frames CSV's shank angles are signed along the image's x axis: turn them towards the toes
        t = truth[int(f["frame"])]
        return float(f[column]) * (1.0 if float(t[f"{side}_toe_x"]) >= float(t[f"{side}_ankle_x"]) else -1.0)

    axis = [towards_toes(f, f"{side}_shank_axis_deg") - float(truth[int(f["frame"])]["tibia_image_deg"])
            for f in frames if f[f"{side}_shank_axis_deg"] and int(f["frame"]) in truth
            and float(truth[int(f["frame"])]["tibia_image_deg"]) > 20]
    shin, offset = [], []
    for a in attempts:
        f = frames[int(a["peak_frame"])]
        if f[f"{side}_shin_deg"] and a["tibial_inclination_deg"] and not f[f"{side}_shank_axis_deg"]:
            edge = towards_toes(f, f"{side}_shin_deg")
            shin.append(edge - float(truth[int(f["frame"])]["tibia_image_deg"]))
            offset.append(edge - float(a["tibial_inclination_deg"]))
    text = f"axis − image truth (deeper than 20°, {len(axis)} frames): median {statistics.median(axis):+.1f}°" if axis \
        else "axis never read deeper than 20°"
    if shin:
        text += (f"; at {len(shin)} peaks read on the shin edge: edge − image truth {statistics.mean(shin):+.1f}°, "
                 f"offset applied {statistics.mean(offset):+.1f}°")
    return text


def clip_table(truth_dir, out_dir, name):
    truth = {int(r["frame"]): r for r in rows(f"{truth_dir}/{name}.truth.csv")}
    frames = rows(f"{out_dir}/{name}.frames.csv")
    attempts = rows(f"{out_dir}/{name}.attempts.csv")
    side = next(iter(truth.values()))["side"]
    lines = [f"## {name} (tested {side})"]
    lines.append("| attempt | tool | truth (sagittal) | truth (image) | tool's points (image) | error | heel lift: tool / truth |")
    lines.append("|---|---|---|---|---|---|---|")
    errors, peaks = [], []
    true_best = None
    for a in attempts:
        f = frames[int(a["peak_frame"])]
        t = truth[int(f["frame"])]
        peaks.append((f, t))
        true_lift = float(t["heel_lift_mm"]) > HEEL_LIFT_MM
        tool = float(a["tibial_inclination_deg"]) if a["tibial_inclination_deg"] else None
        tdeg = float(t["tibia_deg"])
        points = None
        if f["has_pose"] == "1" and f[f"{side}_knee_x"]:
            points = image_tibia_deg(float(f[f"{side}_knee_x"]), float(f[f"{side}_knee_y"]),
                                     float(f[f"{side}_ankle_x"]), float(f[f"{side}_ankle_y"]),
                                     float(t[f"{side}_toe_x"]))
        err = None if tool is None else tool - tdeg
        if err is not None:
            errors.append(err)
        if not true_lift:
            true_best = tdeg if true_best is None else max(true_best, tdeg)
        shown = "heel lift" if tool is None else f"{tool:.1f}° ({a['measured_on']})"
        lines.append(f"| {a['attempt']} | {shown} | "
                     f"{tdeg:.1f}° | {float(t['tibia_image_deg']):.1f}° | "
                     f"{'-' if points is None else f'{points:.1f}°'} | {'-' if err is None else f'{err:+.1f}°'} | "
                     f"{a['heel_lift']} / {str(true_lift).lower()} ({abs(float(t['heel_lift_mm'])):.0f} mm) |")
    tool_verdict = next((a["verdict"] for a in attempts if a["best"] == "true"), attempts[0]["verdict"] if attempts else "-")
    true_verdict = "-" if true_best is None else ("restricted" if true_best < RESTRICTED_BELOW_DEG else "within-normal")
    if errors:
        lines.append(f"errors: mean {statistics.mean(errors):+.2f}°, largest |{max(errors, key=abs):+.2f}°|; "
                     f"verdict tool {tool_verdict} / truth {true_verdict}")
    lines.append(shank_line(frames, truth, attempts, side))
    lines.append("| joint | all frames: median / p95 px | at the peaks: mean px | forward / up px |")
    lines.append("|---|---|---|---|")
    for tj, fj in JOINTS:
        dists = []
        for f in frames:
            t = truth.get(int(f["frame"]))
            if t is None or f["has_pose"] != "1" or not f[f"{side}_{fj}_x"]:
                continue
            dists.append(math.dist((float(f[f"{side}_{fj}_x"]), float(f[f"{side}_{fj}_y"])),
                                   (float(t[f"{side}_{tj}_x"]), float(t[f"{side}_{tj}_y"]))))
        at_peak, fwd, up = [], [], []
        for f, t in peaks:
            if f["has_pose"] != "1" or not f[f"{side}_{fj}_x"]:
                continue
            dx = float(f[f"{side}_{fj}_x"]) - float(t[f"{side}_{tj}_x"])
            dy = float(f[f"{side}_{fj}_y"]) - float(t[f"{side}_{tj}_y"])
            towards_toes = 1.0 if float(t[f"{side}_toe_x"]) >= float(t[f"{side}_ankle_x"]) else -1.0
            at_peak.append(math.hypot(dx, dy))
            fwd.append(dx * towards_toes)
            up.append(-dy)
        if dists:
            lines.append(f"| {tj} | {statistics.median(dists):.1f} / {pct(dists, 0.95):.1f} | "
                         f"{statistics.mean(at_peak):.1f} | {statistics.mean(fwd):+.1f} / {statistics.mean(up):+.1f} |")
    return lines


def main(argv):
    if len(argv) < 3:
        print("usage: lunge_table.py TRUTH_DIR OUT_DIR NAME...", file=sys.stderr)
        return 2
    truth_dir, out_dir = argv[0], argv[1]
    for name in argv[2:]:
        try:
            print("\n".join(clip_table(truth_dir, out_dir, name)) + "\n")
        except (OSError, KeyError, ValueError) as e:
            print(f"lunge_table.py: {name}: {e}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
