#!/usr/bin/env bash
# Runs `valgus eval` once per accuracy lever setting (issue 12 item 3) on the same clips, each into OUT/<setting>/,
# for the lever × clip table of docs/accuracy.md (samples/generator/lever_table.py makes it from OUT/*/eval.csv).
# Usage: samples/generator/eval_levers.sh OUT CLIP... (env VALGUS: the command to run, default ./valgus;
#        env LEVERS: the settings to run, default all of them)
set -uo pipefail
out="$1"; shift
mkdir -p "$out"
valgus="${VALGUS:-./valgus}"
declare -A settings=(
  [defaults]=""
  [heavy]="--model heavy"
  [flip]="--flip-average"
  [heatmap-off]="--heatmap-window 0"
  [heatmap-5]="--heatmap-window 5"
  [heatmap-9]="--heatmap-window 9"
  [roi-1.15]="--roi-scale 1.15"
  [roi-1.4]="--roi-scale 1.4"
  [smoothing-off]="--smoothing off"
  [min-cutoff-1]="--smoothing-min-cutoff 1"
)
order="${LEVERS:-defaults heavy flip heatmap-off heatmap-5 heatmap-9 roi-1.15 roi-1.4 smoothing-off min-cutoff-1}"
for name in $order; do
  echo "== $name ${settings[$name]}"
  # shellcheck disable=SC2086
  $valgus eval "$@" --out "$out/$name" ${settings[$name]} > "$out/$name.log" 2>&1
  echo "exit $? ($(tail -n 2 "$out/$name.log" | head -n 1))"
done
