#!/usr/bin/env python3
"""The lever x clip table of docs/accuracy.md from eval_levers.sh outputs.

Usage: lever_table.py ROOT... (each ROOT holds <setting>/eval.csv; several roots are merged, e.g. clip batches)
Prints, per clip, FPPA error at the rep bottoms as "MAE / bias" (degrees) for every setting, then the frontal
summary (camera yaw <= 15 deg, from the clip name's yawNN; the committed sls-left-yaw20 counts as 20) per setting:
MAE, bias, largest error, reps counted wrongly.
"""
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ORDER = ["mediapipe", "flip", "heavy", "heavy-flip", "heatmap-off", "heatmap-5", "heatmap-9", "roi-1.15", "roi-1.4",
         "smoothing-off", "min-cutoff-1", "roi-1.1", "roi-1.2", "roi-1.15-flip", "roi-1.15-heatmap-5"]


def yaw(clip):
    m = re.search(r"yaw(\d+)", clip)
    return int(m.group(1)) if m else 0


def main(roots):
    rows = defaultdict(dict)      # clip -> setting -> "all" row
    reps = defaultdict(list)      # setting -> [(clip, rep row)]
    settings = set()
    for root in roots:
        for path in sorted(Path(root).glob("*/eval.csv")):
            setting = path.parent.name
            settings.add(setting)
            with open(path, newline="") as f:
                for r in csv.DictReader(f):
                    if r["rep"] == "all":
                        rows[r["clip"]][setting] = r
                    else:
                        reps[setting].append((r["clip"], r))
    cols = [s for s in ORDER if s in settings] + sorted(settings - set(ORDER))
    print("| clip | yaw | " + " | ".join(cols) + " |")
    print("|---|---|" + "---|" * len(cols))
    for clip in sorted(rows, key=lambda c: (yaw(c) > 15, c)):
        cells = []
        for s in cols:
            r = rows[clip].get(s)
            if r is None or r["fppa_bottom_mae_deg"] == "":
                cells.append("—")
            else:
                miss = "" if r["reps_correct"] == "yes" else " ✗"
                cells.append(f"{float(r['fppa_bottom_mae_deg']):.1f} / {float(r['fppa_bottom_bias_deg']):+.1f}{miss}")
        print(f"| {clip.removesuffix('.mp4')} | {yaw(clip)}° | " + " | ".join(cells) + " |")
    print()
    print("| frontal set (yaw ≤ 15°) | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    stats = {}
    for s in cols:
        errs = [float(r["fppa_bottom_bias_deg"]) for clip, r in reps[s] if yaw(clip) <= 15 and r["fppa_bottom_bias_deg"] != ""]
        clips = [c for c in rows if s in rows[c] and yaw(c) <= 15]
        wrong = sum(1 for c in clips if rows[c][s]["reps_correct"] != "yes")
        stats[s] = (errs, clips, wrong)
    def line(label, f):
        print(f"| {label} | " + " | ".join(f(*stats[s]) for s in cols) + " |")
    line("clips / reps", lambda e, c, w: f"{len(c)} / {len(e)}")
    line("MAE at bottoms", lambda e, c, w: f"{sum(abs(x) for x in e) / len(e):.2f}°" if e else "—")
    line("bias at bottoms", lambda e, c, w: f"{sum(e) / len(e):+.2f}°" if e else "—")
    line("largest error", lambda e, c, w: f"{max(abs(x) for x in e):.1f}°" if e else "—")
    line("clips with reps miscounted", lambda e, c, w: str(w))
    def warned(s, frontal):
        clips = [c for c in rows if s in rows[c] and (yaw(c) <= 15) == frontal]
        return f"{sum(1 for c in clips if rows[c][s]['view_warning'] == 'yes')} of {len(clips)}"
    print(f"| yaw-20 clips with the view warning | " + " | ".join(warned(s, False) for s in cols) + " |")
    print(f"| frontal clips with the view warning | " + " | ".join(warned(s, True) for s in cols) + " |")


if __name__ == "__main__":
    main(sys.argv[1:] or ["."])
