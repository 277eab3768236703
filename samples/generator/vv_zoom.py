"""Exact zooms of a rendered clip's truth: a crop of (x0, y0, width, height) pixels scaled by s is the same
camera with another sensor size, so every image position maps as x' = (x - x0) * s, y' = (y - y0) * s
(continuous coordinates, the image's top-left corner at 0), and every angle and every percentage of leg
length stays as it is. ffmpeg's crop (integer offsets) and scale (image extents onto image extents) do
exactly this to the pixels.

Usage: python3 vv_zoom.py IN.truth.csv OUT.truth.csv X0 Y0 SCALE"""
import csv
import sys


def is_position(column):
    return column.endswith("_x") or column.endswith("_y")


def zoom_row(header, row, x0, y0, scale):
    out = []
    for column, value in zip(header, row):
        if is_position(column) and value != "":
            origin = x0 if column.endswith("_x") else y0
            out.append(f"{(float(value) - origin) * scale:.3f}")
        else:
            out.append(value)
    return out


def zoom_file(src, dst, x0, y0, scale):
    with open(src, newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    with open(dst, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        for row in rows[1:]:
            writer.writerow(zoom_row(header, row, x0, y0, scale))


if __name__ == "__main__":
    if len(sys.argv) != 6:
        raise SystemExit(__doc__.strip().splitlines()[-1])
    zoom_file(sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]))
