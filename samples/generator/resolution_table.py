#!/usr/bin/env python3
"""Error against the stance leg's length in pixels (issue 18 item 3), from `valgus eval` on the clips of
make_resolution_set.sh.

Usage: resolution_table.py EVAL_CSV CLIP_DIR
Prints one row per clip (its name carries the frame size and the person's share of the frame height; the standing
stance leg in px; FPPA at the rep bottoms: MAE / bias / worst; reps), sorted by leg length, then one row per band (< 150, 150-300, >= 300 px)."""
import csv
import math
import sys
from pathlib import Path

BANDS = [(0.0, 150.0, "< 150 px"), (150.0, 300.0, "150–300 px"), (300.0, 1e9, "≥ 300 px")]


def band_of(leg_px):
    for lo, hi, name in BANDS:
        if lo <= leg_px < hi:
            return name
    raise ValueError(f"no band for {leg_px}")


def standing_leg_px(truth_path):
    with open(truth_path, newline="") as f:
        rows = csv.DictReader(f)
        first = next(rows)
        side = None
        for row in rows:
            if row["stance"] != "none":
                side = row["stance"]
                break
    return math.hypot(float(first[f"{side}_hip_x"]) - float(first[f"{side}_ankle_x"]),
                      float(first[f"{side}_hip_y"]) - float(first[f"{side}_ankle_y"]))


def main(eval_csv, clip_dir):
    with open(eval_csv, newline="") as f:
        rows = list(csv.DictReader(f))
    clips = []
    for row in rows:
        if row["rep"] != "all":
            continue
        name = row["clip"].removesuffix(".mp4")
        leg = standing_leg_px(Path(clip_dir) / f"{name}.truth.csv")
        errors = [float(r["fppa_bottom_deg"]) - float(r["truth_fppa_bottom_deg"]) for r in rows
                  if r["clip"] == row["clip"] and r["rep"] != "all" and r["fppa_bottom_deg"]]
        clips.append((leg, name, errors, row["our_reps"], row["truth_reps"]))
    clips.sort()
    print("| clip | stance leg (px) | FPPA at bottoms: MAE / bias / worst | reps ours/truth |")
    print("|---|---|---|---|")
    for leg, name, errors, ours, truth in clips:
        print(f"| {name} | {leg:.0f} | {summary(errors)} | {ours}/{truth} |")
    print()
    print("| stance leg | clips | reps | FPPA at bottoms: MAE / bias / worst | clips with reps miscounted |")
    print("|---|---|---|---|---|")
    for _, _, band in BANDS:
        members = [c for c in clips if band_of(c[0]) == band]
        errors = [e for c in members for e in c[2]]
        wrong = sum(1 for c in members if c[3] != c[4])
        print(f"| {band} | {len(members)} | {len(errors)} | {summary(errors) if errors else '—'} | {wrong} |")


def summary(errors):
    if not errors:
        return "no reading"
    mae = sum(abs(e) for e in errors) / len(errors)
    bias = sum(errors) / len(errors)
    return f"{mae:.1f}° / {bias:+.1f}° / {max(abs(e) for e in errors):.1f}°"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: resolution_table.py EVAL_CSV CLIP_DIR")
    main(sys.argv[1], sys.argv[2])
