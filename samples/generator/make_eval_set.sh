#!/usr/bin/env bash
# Renders the widened evaluation set of issues 12 (item 4) and 13 (item 4) into a folder outside git
# (default: out/samples-eval, ignored by the repository's .gitignore). Long: every clip is ~150 frames
# (lunges ~280) at about 3-25 s per frame on two shared cores; pass a subset of names to render only those.
# Usage: samples/generator/make_eval_set.sh [OUT_DIR] [NAME...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../out/samples-eval}"
shift || true
mkdir -p "$out"

# name | generator arguments
clips=(
  "sls-left-valgus0|--stance left --valgus-deg 0"
  "sls-left-valgus5|--stance left --valgus-deg 5"
  "sls-left-valgus10|--stance left --valgus-deg 10"
  "sls-left-valgus15|--stance left --valgus-deg 15"
  "sls-left-valgus20|--stance left --valgus-deg 20"
  "sls-right-valgus0|--stance right --valgus-deg 0"
  "sls-right-valgus10|--stance right --valgus-deg 10"
  "sls-right-valgus20|--stance right --valgus-deg 20"
  "sls-left-valgus10-shapeb|--stance left --valgus-deg 10 --shape b"
  "sls-right-valgus15-shapeb-trousers|--stance right --valgus-deg 15 --shape b --clothes trousers"
  "sls-left-valgus10-trousers|--stance left --valgus-deg 10 --clothes trousers"
  "sls-left-valgus10-chest|--stance left --valgus-deg 10 --camera-height chest"
  "sls-right-valgus10-chest|--stance right --valgus-deg 10 --camera-height chest"
  "sls-left-valgus10-yaw10|--stance left --valgus-deg 10 --yaw-deg 10"
  "sls-left-valgus10-yaw20|--stance left --valgus-deg 10 --yaw-deg 20"
  "sls-right-valgus10-yaw10|--stance right --valgus-deg 10 --yaw-deg -10"
  "sls-left-valgus5-roll0|--stance left --valgus-deg 5 --foot-roll-deg 0"
  "sls-left-valgus5-roll5|--stance left --valgus-deg 5 --foot-roll-deg 5"
  "sls-left-valgus5-roll10|--stance left --valgus-deg 5 --foot-roll-deg 10"
  "sls-left-valgus15-bodyb|--stance left --valgus-deg 15 --body b --build female --mass light --clothes leggings --skin light --room cluttered --noise 3"
  "sls-right-valgus5-bodyb-heavy|--stance right --valgus-deg 5 --body b --build male --mass heavy --clothes shorts --skin dark --room plain --noise 3"
  "sls-right-valgus10-bodyb-female-heavy-trousers|--stance right --valgus-deg 10 --body b --build female --mass heavy --clothes trousers --skin medium --room cluttered --noise 3"
  "lunge-left-42|--exercise lunge --stance left --tibia-deg 42"
  "lunge-right-30-heellift|--exercise lunge --stance right --tibia-deg 30 --heel-lift-attempt 3"
  "lunge-left-42-bodyb-female-light-leggings|--exercise lunge --stance left --tibia-deg 42 --body b --build female --mass light --clothes leggings --skin light --room cluttered --noise 3"
  "lunge-right-30-heellift-bodyb|--exercise lunge --stance right --tibia-deg 30 --heel-lift-attempt 3 --body b --build male --mass heavy --clothes shorts --skin dark --room plain"
  "lunge-right-30-heellift-bodyb-male-heavy-shorts|--exercise lunge --stance right --tibia-deg 30 --heel-lift-attempt 3 --body b --build male --mass heavy --clothes shorts --skin dark --room plain --noise 3"
  "lunge-left-35-bodyb-female-heavy-trousers|--exercise lunge --stance left --tibia-deg 35 --body b --build female --mass heavy --clothes trousers --skin medium --room cluttered --noise 3"
  "lunge-right-45-bodyb-male-light-trousers|--exercise lunge --stance right --tibia-deg 45 --body b --build male --mass light --clothes trousers --skin light --room plain --noise 3"
)

wanted=("$@")
for entry in "${clips[@]}"; do
  name="${entry%%|*}"
  args="${entry#*|}"
  if [ ${#wanted[@]} -gt 0 ] && [[ ! " ${wanted[*]} " == *" $name "* ]]; then
    continue
  fi
  echo "== $name"
  # shellcheck disable=SC2086
  nice -n 10 blender -b --factory-startup --python "$here/make_sample.py" -- \
    --name "$name" --out-dir "$out" --samples 5 $args 2>&1 | grep -E '^SUMMARY|Error|error:' || true
done
