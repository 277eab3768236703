#!/usr/bin/env bash
# Runs `valgus eval` once per accuracy lever setting (issue 12 item 3) on the same clips, each into OUT/<setting>/,
# for the lever × clip table of docs/accuracy.md (samples/generator/lever_table.py makes it from OUT/*/eval.csv).
# "mediapipe" is MediaPipe's own settings; every other setting changes one lever from it (or two, named so).
# Usage: samples/generator/eval_levers.sh OUT CLIP... (env VALGUS: the command to run, default ./valgus;
#        env LEVERS: the settings to run, default all of them)
set -uo pipefail
out="$1"; shift
mkdir -p "$out"
valgus="${VALGUS:-./valgus}"
declare -A settings=(
  [mediapipe]="--flip-average off"
  [flip]="--flip-average on"
  [heavy]="--model heavy --flip-average off"
  [heavy-flip]="--model heavy --flip-average on"
  [heatmap-off]="--heatmap-window 0 --flip-average off"
  [heatmap-5]="--heatmap-window 5 --flip-average off"
  [heatmap-9]="--heatmap-window 9 --flip-average off"
  [roi-1.1]="--roi-scale 1.1 --flip-average off"
  [roi-1.15]="--roi-scale 1.15 --flip-average off"
  [roi-1.2]="--roi-scale 1.2 --flip-average off"
  [roi-1.4]="--roi-scale 1.4 --flip-average off"
  [smoothing-off]="--smoothing off --flip-average off"
  [min-cutoff-1]="--smoothing-min-cutoff 1 --flip-average off"
  [roi-1.15-flip]="--roi-scale 1.15 --flip-average on"
  [roi-1.15-heatmap-5]="--roi-scale 1.15 --heatmap-window 5 --flip-average off"
)
order="${LEVERS:-mediapipe flip heavy heavy-flip heatmap-off heatmap-5 heatmap-9 roi-1.1 roi-1.15 roi-1.2 roi-1.4 smoothing-off min-cutoff-1 roi-1.15-flip roi-1.15-heatmap-5}"
for name in $order; do
  echo "== $name ${settings[$name]}"
  # shellcheck disable=SC2086
  $valgus eval "$@" --out "$out/$name" ${settings[$name]} > "$out/$name.log" 2>&1
  echo "exit $? ($(tail -n 2 "$out/$name.log" | head -n 1))"
done
