#!/usr/bin/env bash
# On-demand check of the reference interpreter (and our ONNX files) against the real TFLite runtime, on the
# same real inputs the parity tests use. Not run in CI. Prints the Markdown table for docs/reference-check.md.
#
#   tools/tflite-reference/check-all.sh [DUMP_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dump="${1:-$(mktemp -d /tmp/valgus-parity-dump.XXXXXX)}"
tflite_dir="$("$root/tools/fetch-mediapipe-package.sh")"
[ -d "$here/node_modules" ] || (cd "$here" && npm ci --no-audit --no-fund)

# 1. The parity tests write their inputs and outputs (reference interpreter, ONNX Runtime) into $dump.
VALGUS_PARITY_DUMP="$dump" VALGUS_TFLITE_DIR="$tflite_dir" dotnet test "$root/tests/ValgusVision.ModelTools.Tests" \
  -c Release --artifacts-path "${ARTIFACTS:-/tmp/art-tflite-reference}" --filter "FullyQualifiedName~ConversionParityTests" >&2 || \
  echo "check-all: parity tests failed (see above); comparing what was dumped" >&2

# 2. The real TFLite runtime on the same inputs, then the comparison.
echo "| model | output | range (TFLite) | reference interpreter vs TFLite: relative (absolute) | ONNX Runtime vs TFLite: relative (absolute) |"
echo "|---|---|---|---|---|"
for model in pose_detection pose_landmark_lite pose_landmark_full pose_landmark_heavy; do
  [ -f "$dump/$model/input.f32" ] || { echo "check-all: no dump for $model" >&2; continue; }
  node "$here/run-tflite.js" "$tflite_dir/$model.tflite" "$dump/$model/input.f32" "$dump/$model/tflite" >&2
  node "$here/compare.js" "$dump/$model"
done
echo "dump: $dump" >&2
