#!/usr/bin/env bash
# Regenerates the committed reference files in tests/data/mediapipe-reference: the test videos in tests/data/mmpose
# with lite and full (and full without smoothing), and the bundled samples (samples/*.mp4) with full; each as shipped (fp16
# activations), with --float32-textures, and with --cpu-inference --dump-stages (README.md says why). Slow (1–4 s per frame):
# run on demand, never in CI. Extra arguments (e.g. --max-frames 75, as used for the committed sample files) go to every sample run.
set -euo pipefail
tool="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$tool/../.." && pwd)"
testdata="${VALGUS_TESTDATA:-$repo/tests/data/mmpose}"
[ -d "$tool/node_modules/@mediapipe/pose" ] || (cd "$tool" && npm ci --silent)
for video in "$testdata"/videos/*.mp4; do
  for model in full lite; do
    nice -n 10 node "$tool/run.mjs" "$video" --model "$model"
    nice -n 10 node "$tool/run.mjs" "$video" --model "$model" --float32-textures
    nice -n 10 node "$tool/run.mjs" "$video" --model "$model" --cpu-inference --dump-stages
  done
  nice -n 10 node "$tool/run.mjs" "$video" --model full --no-smooth
  nice -n 10 node "$tool/run.mjs" "$video" --model full --no-smooth --float32-textures
  nice -n 10 node "$tool/run.mjs" "$video" --model full --no-smooth --cpu-inference --dump-stages
done
for video in "$repo"/samples/*.mp4; do
  [ -e "$video" ] || continue
  nice -n 10 node "$tool/run.mjs" "$video" --model full "$@"
  nice -n 10 node "$tool/run.mjs" "$video" --model full --float32-textures "$@"
  nice -n 10 node "$tool/run.mjs" "$video" --model full --cpu-inference --dump-stages "$@"
done
